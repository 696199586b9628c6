using Consultation.Web.Features.Moderation;
using Consultation.Web.Infrastructure.Database;

namespace Consultation.Web.Features.Comments;

/// <summary>The SQL the comment use cases share: which threads are open to readers, who sees what, the sequence.</summary>
public static class CommentThreads
{
    /// <summary>
    /// Nesting stops here (top-level comments have depth 0): on a phone, deeper indents leave no room for text.
    /// A reply to a comment at this depth is attached to that comment's parent, beside it.
    /// </summary>
    public const int MaxDepth = 5;

    /// <summary>A thread is open while its submission is submitted and not hidden by a moderator.</summary>
    public const string OpenThreadSql = """
        SELECT s.id AS SubmissionId, s.title AS Title, s.thread_sequence AS Sequence, c.pre_moderation AS PreModeration,
               c.id AS ConsultationId
        FROM submission s JOIN consultation c ON c.id = s.consultation_id
        WHERE s.id = @SubmissionId AND s.status = 'submitted' AND s.hidden = @False
        """;

    /// <summary>Who sees a comment: everyone when visible; its author and the moderators while pending.</summary>
    public const string SeenByCaller = """
        (c.state = 'visible' OR (c.state = 'pending' AND (c.author_user_id = @CallerId OR @CallerModerates = @True)))
        """;

    /// <summary>
    /// The columns of <see cref="CommentView"/>, from comment c joined to its author u. A hidden comment's text is
    /// left out unless @CallerModerates, and it comes with the reason code of the latest decision to hide it.
    /// </summary>
    public const string ViewColumns = """
        c.id AS Id, c.submission_id AS SubmissionId, c.parent_id AS ParentId, c.depth AS Depth,
        COALESCE(u."DisplayName", '') AS AuthorName, c.author_user_id AS AuthorId,
        CASE WHEN c.state <> 'hidden' OR @CallerModerates = @True THEN c.body_html ELSE '' END AS BodyHtml, c.created_at AS CreatedAt,
        c.state AS State, c.upvotes AS Upvotes, c.sequence AS Sequence,
        CASE WHEN c.state = 'hidden' THEN (
            SELECT d.reason_code FROM moderation_decision d
            WHERE d.object_type = 'comment' AND d.object_id = c.id AND d.action = 'hide' ORDER BY d.at DESC LIMIT 1) END AS HiddenReason
        """;

    const string NextSequenceSql = """
        UPDATE submission SET thread_sequence = thread_sequence + 1 WHERE id = @SubmissionId RETURNING thread_sequence
        """;

    const string SubmissionOfCommentSql = "SELECT submission_id FROM comment WHERE id = @Id";
    const string RenumberCommentSql = "UPDATE comment SET sequence = @Sequence WHERE id = @Id";
    const string CommentViewSql = $"""
        SELECT {ViewColumns}
        FROM comment c LEFT JOIN "AspNetUsers" u ON u."Id" = c.author_user_id WHERE c.id = @Id
        """;

    public sealed record OpenThread
    {
        public Guid SubmissionId { get; init; }
        public string Title { get; init; } = "";
        public long Sequence { get; init; }
        public bool PreModeration { get; init; }
        public Guid ConsultationId { get; init; }
    }

    public static Task<OpenThread?> FindOpenAsync(Db db, Guid submissionId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<OpenThread>(OpenThreadSql, new { SubmissionId = submissionId, False = false }, ct);

    public static async Task<OpenThread> RequireOpenAsync(Db db, Guid submissionId, CancellationToken ct) =>
        await FindOpenAsync(db, submissionId, ct) ?? throw new Infrastructure.Access.NotFoundException("The submission");

    /// <summary>Moderators of a thread are those of its consultation (see ModeratedContent).</summary>
    public static async Task<bool> ModeratesAsync(Db db, OpenThread thread, Guid? userId, CancellationToken ct) =>
        userId is { } id && await ModeratedContent.ModeratesAsync(db, id, thread.ConsultationId, ct);

    /// <summary>Numbers the thread's next live event, inside the command's transaction (so numbers are never reused).</summary>
    public static async Task<long> NextSequenceAsync(Db db, Guid submissionId, CancellationToken ct) =>
        await db.ExecuteScalarAsync<long>(NextSequenceSql, new { SubmissionId = submissionId }, ct);

    /// <summary>
    /// After a moderator changed a comment's state (inside the command): numbers the change in its thread, so that
    /// catch-up (GetCommentsSince) reports it, and queues the live event for open pages.
    /// </summary>
    public static async Task CommentModeratedAsync(Db db, Guid commentId, CancellationToken ct)
    {
        var submissionId = await db.ExecuteScalarAsync<Guid>(SubmissionOfCommentSql, new { Id = commentId }, ct);
        await db.ExecuteAsync(RenumberCommentSql, new { Id = commentId, Sequence = await NextSequenceAsync(db, submissionId, ct) }, ct);
        db.AfterCommit(new CommentModerated(await PublicViewAsync(db, commentId, ct)));
    }

    /// <summary>
    /// A comment as everyone sees it, for the events every open page of its thread hears (so no hidden text, even
    /// for moderators).
    /// </summary>
    public static async Task<CommentView> PublicViewAsync(Db db, Guid commentId, CancellationToken ct) =>
        (await db.QuerySingleOrDefaultAsync<CommentView>(CommentViewSql, new { Id = commentId, CallerModerates = false, True = true }, ct))!;

    /// <summary>After a moderator hid or restored a submission (inside the command): tells its open thread pages.</summary>
    public static async Task ThreadVisibilityChangedAsync(Db db, Guid submissionId, bool hidden, CancellationToken ct) =>
        db.AfterCommit(new ThreadVisibilityChanged(submissionId, hidden, await NextSequenceAsync(db, submissionId, ct)));
}
