using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;

namespace Consultation.Web.Features.Comments;

/// <summary>
/// Adding or taking back a person's up-vote: one vote per person (comment_vote), the tally on the comment kept in
/// step, and a new thread sequence so that live tallies can be checked for gaps like any other event.
/// </summary>
public static class CommentVotes
{
    /// <param name="Upvotes">The comment's tally afterwards.</param>
    /// <param name="Changed">False when the vote was already there (or already gone).</param>
    public sealed record Result(int Upvotes, bool Changed);

    const string VotableSql = """
        SELECT c.submission_id FROM comment c JOIN submission s ON s.id = c.submission_id
        WHERE c.id = @CommentId AND c.state = 'visible' AND s.status = 'submitted' AND s.hidden = @False
        """;
    const string AddSql = """
        INSERT INTO comment_vote (comment_id, user_id, voted_at) VALUES (@CommentId, @UserId, @Now)
        ON CONFLICT (comment_id, user_id) DO NOTHING
        """;
    const string RemoveSql = "DELETE FROM comment_vote WHERE comment_id = @CommentId AND user_id = @UserId";
    const string TallySql = """
        UPDATE comment SET upvotes = (SELECT COUNT(*) FROM comment_vote v WHERE v.comment_id = @CommentId), sequence = @Sequence
        WHERE id = @CommentId RETURNING upvotes
        """;
    const string CurrentSql = "SELECT upvotes FROM comment WHERE id = @CommentId";

    public static async Task<Result> ChangeAsync(Db db, Guid commentId, Guid userId, bool upvote, DateTimeOffset now, CancellationToken ct)
    {
        var submissionId = await db.ExecuteScalarAsync<Guid?>(VotableSql, new { CommentId = commentId, False = false }, ct)
            ?? throw new NotFoundException("The comment");
        var parameters = new { CommentId = commentId, UserId = userId, Now = now };
        if (await db.ExecuteAsync(upvote ? AddSql : RemoveSql, parameters, ct) == 0)
        {
            return new Result(await db.ExecuteScalarAsync<int>(CurrentSql, parameters, ct), Changed: false);
        }
        var sequence = await CommentThreads.NextSequenceAsync(db, submissionId, ct);
        var upvotes = await db.ExecuteScalarAsync<int>(TallySql, new { CommentId = commentId, Sequence = sequence }, ct);
        db.AfterCommit(new CommentUpvoted(submissionId, commentId, upvotes, sequence));
        return new Result(upvotes, Changed: true);
    }
}
