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
               c.network_id AS NetworkId
        FROM submission s JOIN consultation c ON c.id = s.consultation_id
        WHERE s.id = @SubmissionId AND s.status = 'submitted' AND s.hidden = @False
        """;

    /// <summary>Who sees a comment: everyone when visible; its author and the moderators while pending.</summary>
    public const string SeenByCaller = """
        (c.state = 'visible' OR (c.state = 'pending' AND (c.author_user_id = @CallerId OR @CallerModerates = @True)))
        """;

    /// <summary>The columns of <see cref="CommentView"/>, from comment c joined to its author u.</summary>
    public const string ViewColumns = """
        c.id AS Id, c.submission_id AS SubmissionId, c.parent_id AS ParentId, c.depth AS Depth,
        COALESCE(u."DisplayName", '') AS AuthorName, c.author_user_id AS AuthorId,
        CASE WHEN c.state = 'hidden' THEN '' ELSE c.body_html END AS BodyHtml, c.created_at AS CreatedAt,
        c.state AS State, c.upvotes AS Upvotes, c.sequence AS Sequence
        """;

    const string NextSequenceSql = """
        UPDATE submission SET thread_sequence = thread_sequence + 1 WHERE id = @SubmissionId RETURNING thread_sequence
        """;

    const string ModeratesSql = """
        SELECT 1 FROM network_organiser WHERE network_id = @NetworkId AND user_id = @UserId
        """;

    public sealed record OpenThread
    {
        public Guid SubmissionId { get; init; }
        public string Title { get; init; } = "";
        public long Sequence { get; init; }
        public bool PreModeration { get; init; }
        public Guid? NetworkId { get; init; }
    }

    public static Task<OpenThread?> FindOpenAsync(Db db, Guid submissionId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<OpenThread>(OpenThreadSql, new { SubmissionId = submissionId, False = false }, ct);

    public static async Task<OpenThread> RequireOpenAsync(Db db, Guid submissionId, CancellationToken ct) =>
        await FindOpenAsync(db, submissionId, ct) ?? throw new Infrastructure.Access.NotFoundException("The submission");

    /// <summary>Moderators of a thread are the organisers of its consultation's network.</summary>
    public static async Task<bool> ModeratesAsync(Db db, OpenThread thread, Guid? userId, CancellationToken ct) =>
        userId is { } id && thread.NetworkId is { } network && await db.ExistsAsync(ModeratesSql, new { NetworkId = network, UserId = id }, ct);

    /// <summary>Numbers the thread's next live event, inside the command's transaction (so numbers are never reused).</summary>
    public static async Task<long> NextSequenceAsync(Db db, Guid submissionId, CancellationToken ct) =>
        await db.ExecuteScalarAsync<long>(NextSequenceSql, new { SubmissionId = submissionId }, ct);
}
