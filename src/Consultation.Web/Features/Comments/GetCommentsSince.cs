using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Comments;

/// <summary>
/// What changed in a thread after a sequence number, for a live client that reconnected or saw a gap: each comment
/// posted or changed since then, in its current state (a hidden one without its text, so the client removes it).
/// When too much changed, the client is told to reload the thread instead.
/// </summary>
public static class GetCommentsSince
{
    public const int MaxChanges = 100;

    public sealed record Query(Guid SubmissionId, long After) : IQuery<Result>;

    /// <param name="Sequence">The thread's sequence now: the client is up to date to here once it applied Changes.</param>
    public sealed record Result(long Sequence, bool SnapshotNeeded, IReadOnlyList<CommentView> Changes);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.SubmissionId).NotEmpty();
            RuleFor(q => q.After).GreaterThanOrEqualTo(0);
        }
    }

    public sealed class Handler(Db db, Caller caller) : IQueryHandler<Query, Result>
    {
        const string ChangesSql = $"""
            SELECT {CommentThreads.ViewColumns}
            FROM comment c LEFT JOIN "AspNetUsers" u ON u."Id" = c.author_user_id
            WHERE c.submission_id = @SubmissionId AND c.sequence > @After AND (c.state = 'hidden' OR {CommentThreads.SeenByCaller})
            ORDER BY c.sequence LIMIT @Limit
            """;

        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var thread = await CommentThreads.RequireOpenAsync(db, query.SubmissionId, ct);
            // A client ahead of the database (e.g. restored from a backup) cannot patch its way back.
            if (query.After > thread.Sequence)
            {
                return new Result(thread.Sequence, SnapshotNeeded: true, []);
            }
            var changes = await db.QueryAsync<CommentView>(ChangesSql, new
            {
                query.SubmissionId,
                query.After,
                CallerId = caller.UserId,
                CallerModerates = await CommentThreads.ModeratesAsync(db, thread, caller.UserId, ct),
                True = true,
                Limit = MaxChanges + 1,
            }, ct);
            return changes.Count > MaxChanges
                ? new Result(thread.Sequence, SnapshotNeeded: true, [])
                : new Result(thread.Sequence, SnapshotNeeded: false, changes);
        }
    }
}
