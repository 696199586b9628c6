using System.Text.Json.Serialization;
using Consultation.Web.Features.Comments;
using Consultation.Web.Features.Submissions;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Email;

namespace Consultation.Web.Features.Moderation;

/// <summary>What can be moderated; stored and sent on the wire as "submission" or "comment".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContentType>))]
public enum ContentType { Submission, Comment }

/// <summary>
/// The steps the moderation use cases share: finding a submission or comment with its consultation and author,
/// checking that the caller moderates that consultation, showing or hiding it, and recording the decision.
/// </summary>
public static class ModeratedContent
{
    /// <summary>The reasons for flagging, which are also the reason codes for hiding (and the public log's columns).</summary>
    public static readonly IReadOnlyList<string> Reasons = ["spam", "abuse", "personal-data", "off-topic", "other"];

    public const int NoteMaxLength = 2000;

    public static string Name(this ContentType type) => type == ContentType.Submission ? "submission" : "comment";

    public static ContentType? Parse(string? name) => name switch
    {
        "submission" => ContentType.Submission,
        "comment" => ContentType.Comment,
        _ => null,
    };

    /// <summary>State is "visible", "hidden" or (comments only) "pending".</summary>
    public sealed record Found
    {
        public Guid ConsultationId { get; init; }
        public Guid? AuthorUserId { get; init; }
        public string State { get; init; } = "";
    }

    const string SubmissionSql = """
        SELECT consultation_id AS ConsultationId, created_by AS AuthorUserId,
               CASE WHEN hidden = @True THEN 'hidden' ELSE 'visible' END AS State
        FROM submission WHERE id = @Id AND status <> 'draft'
        """;
    const string CommentSql = """
        SELECT s.consultation_id AS ConsultationId, c.author_user_id AS AuthorUserId, c.state AS State
        FROM comment c JOIN submission s ON s.id = c.submission_id WHERE c.id = @Id
        """;

    /// <summary>The content, or 404 (drafts are not public, so they cannot be flagged or moderated).</summary>
    public static async Task<Found> FindAsync(Db db, ContentType type, Guid id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<Found>(type == ContentType.Submission ? SubmissionSql : CommentSql, new { Id = id, True = true }, ct)
        ?? throw new NotFoundException(type == ContentType.Submission ? "The submission" : "The comment");

    // A consultation run by a network is moderated by its organisers; one created by an organisation alone, by that
    // organisation's representatives.
    const string IsModeratorSql = """
        SELECT 1 FROM consultation c
        WHERE c.id = @ConsultationId AND (
            EXISTS (SELECT 1 FROM network_organiser o WHERE o.network_id = c.network_id AND o.user_id = @UserId)
            OR (c.network_id IS NULL AND EXISTS (
                SELECT 1 FROM organisation_member m
                WHERE m.organisation_id = c.organisation_id AND m.user_id = @UserId AND m.role = 'representative')))
        """;

    /// <summary>Whether the person moderates the consultation (acting as one also needs two-factor sign-in).</summary>
    public static Task<bool> ModeratesAsync(Db db, Guid userId, Guid consultationId, CancellationToken ct) =>
        db.ExistsAsync(IsModeratorSql, new { ConsultationId = consultationId, UserId = userId }, ct);

    /// <summary>403 unless the caller moderates the consultation and signs in with two factors.</summary>
    public static async Task RequireModeratorAsync(Db db, AccessRules rules, Guid userId, Guid consultationId, CancellationToken ct)
    {
        if (!await ModeratesAsync(db, userId, consultationId, ct))
        {
            throw new AccessDeniedException("Only the consultation's moderators may do this.");
        }
        if (!await rules.HasTwoFactorAsync(userId, ct))
        {
            throw new AccessDeniedException("Turn on two-factor sign-in before acting as an organiser or admin.");
        }
    }

    const string SetSubmissionHiddenSql = "UPDATE submission SET hidden = @Hidden WHERE id = @Id";
    const string SetCommentStateSql = "UPDATE comment SET state = @State WHERE id = @Id";

    /// <summary>Hides or shows the content (a pending comment becomes visible), and tells the open thread pages.</summary>
    public static async Task SetHiddenAsync(Db db, ContentType type, Guid id, bool hidden, CancellationToken ct)
    {
        if (type == ContentType.Submission)
        {
            await db.ExecuteAsync(SetSubmissionHiddenSql, new { Id = id, Hidden = hidden }, ct);
            db.AfterCommit(new SubmissionsChanged());
            await CommentThreads.ThreadVisibilityChangedAsync(db, id, hidden, ct);
        }
        else
        {
            await db.ExecuteAsync(SetCommentStateSql, new { Id = id, State = hidden ? "hidden" : "visible" }, ct);
            await CommentThreads.CommentModeratedAsync(db, id, ct);
        }
    }

    const string CloseFlagsSql = """
        UPDATE moderation_flag SET status = @Status, resolved_by = @UserId, resolved_at = @Now
        WHERE object_type = @ObjectType AND object_id = @ObjectId AND status = 'open'
        """;

    /// <summary>Closes the open flags on the content as "actioned" or "dismissed"; returns how many there were.</summary>
    public static Task<int> CloseFlagsAsync(Db db, ContentType type, Guid id, string status, Guid userId, DateTimeOffset now, CancellationToken ct) =>
        db.ExecuteAsync(CloseFlagsSql, new { Status = status, UserId = userId, Now = now, ObjectType = type.Name(), ObjectId = id }, ct);

    const string InsertDecisionSql = """
        INSERT INTO moderation_decision (id, consultation_id, object_type, object_id, author_user_id, action, reason_code, note, moderator_user_id, at)
        VALUES (@Id, @ConsultationId, @ObjectType, @ObjectId, @AuthorUserId, @Action, @ReasonCode, @Note, @ModeratorUserId, @At)
        """;

    public static async Task<Guid> RecordDecisionAsync(
        Db db, Found content, ContentType type, Guid objectId, string action, string? reasonCode, string note, Guid moderator, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(InsertDecisionSql, new
        {
            Id = id,
            content.ConsultationId,
            ObjectType = type.Name(),
            ObjectId = objectId,
            content.AuthorUserId,
            Action = action,
            ReasonCode = reasonCode,
            Note = note,
            ModeratorUserId = moderator,
            At = now,
        }, ct);
        return id;
    }

    /// <summary>Queues an email to the content's author (if they still have an account) in their language, sent after commit.</summary>
    public static async Task TellAuthorAsync(Db db, Found content, Func<string, OutgoingEmail> compose, CancellationToken ct)
    {
        if (content.AuthorUserId is { } author && await Recipient.PersonAsync(db, author, ct) is { } recipient)
        {
            db.AfterCommit(recipient.Write(compose));
        }
    }

    /// <summary>The English name (the localisation key) of a flag reason or reason code.</summary>
    public static string ReasonLabel(string reason) => reason switch
    {
        "spam" => "Spam",
        "abuse" => "Abuse",
        "personal-data" => "Personal data",
        "off-topic" => "Off topic",
        _ => "Other",
    };
}

/// <summary>The names under which moderation appears in the audit log (object type "submission" or "comment").</summary>
public static class ModerationAudit
{
    public const string Hidden = "moderation.hidden";
    public const string Restored = "moderation.restored";
    public const string FlagsDismissed = "moderation.flags.dismissed";
    public const string Approved = "moderation.approved";
    public const string AppealUpheld = "moderation.appeal.upheld";
    public const string AppealOverturned = "moderation.appeal.overturned";
}
