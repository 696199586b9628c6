using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using Dapper;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Comments;

/// <summary>
/// A submission's thread, public: visible comments (and the caller's own pending ones; all pending ones for
/// moderators) and, in their place so that their replies keep their context, hidden ones without their text (with it,
/// marked hidden, for moderators), newest or most supported first, replies under their parents, paged by top-level comment. The
/// thread's current sequence comes with it, so a live client knows where its updates start.
/// </summary>
public static class ListComments
{
    public const int PageSize = 20;

    public enum Sort { Newest, MostSupported }

    public sealed record Query(Guid SubmissionId, Sort Order = Sort.Newest, int Page = 1) : IQuery<Result>;

    public sealed record Result(
        Guid SubmissionId,
        Guid ConsultationId,
        string SubmissionTitle,
        long Sequence,
        Sort Order,
        bool CallerModerates,
        Paged<CommentNode> Comments);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.SubmissionId).NotEmpty();
            RuleFor(q => q.Order).IsInEnum();
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        }
    }

    sealed record UpvotedComment
    {
        public Guid Id { get; init; }
    }

    public sealed class Handler(Db db, Caller caller) : IQueryHandler<Query, Result>
    {
        static readonly string NewestSql = TreeSql("c.created_at DESC, c.id DESC");
        static readonly string SupportedSql = TreeSql("c.upvotes DESC, c.created_at DESC, c.id DESC");

        const string InTree = $"(c.state = 'hidden' OR {CommentThreads.SeenByCaller})";

        // The page's top-level comments, then every reply below them that the caller may see.
        static string TreeSql(string topLevelOrder) => $"""
            WITH RECURSIVE page_roots AS (
                SELECT c.id FROM comment c
                WHERE c.submission_id = @SubmissionId AND c.parent_id IS NULL AND {InTree}
                ORDER BY {topLevelOrder} LIMIT @Take OFFSET @Skip
            ), tree AS (
                SELECT c.* FROM comment c WHERE c.id IN (SELECT id FROM page_roots)
                UNION ALL
                SELECT c.* FROM comment c JOIN tree t ON c.parent_id = t.id
                WHERE {InTree}
            )
            SELECT {CommentThreads.ViewColumns}
            FROM tree c LEFT JOIN "AspNetUsers" u ON u."Id" = c.author_user_id;
            SELECT COUNT(*) FROM comment c
            WHERE c.submission_id = @SubmissionId AND c.parent_id IS NULL AND {InTree};
            SELECT v.comment_id AS Id FROM comment_vote v JOIN comment c ON c.id = v.comment_id
            WHERE c.submission_id = @SubmissionId AND v.user_id = @CallerId;
            """;

        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var thread = await CommentThreads.RequireOpenAsync(db, query.SubmissionId, ct);
            var moderates = await CommentThreads.ModeratesAsync(db, thread, caller.UserId, ct);
            using var lists = await db.QueryMultipleAsync(query.Order == Sort.Newest ? NewestSql : SupportedSql, new
            {
                query.SubmissionId,
                CallerId = caller.UserId,
                CallerModerates = moderates,
                True = true,
                Take = PageSize,
                Skip = (query.Page - 1) * PageSize,
            }, ct);
            var comments = (await lists.ReadAsync<CommentView>()).AsList();
            var total = await lists.ReadSingleAsync<long>();
            var upvoted = (await lists.ReadAsync<UpvotedComment>()).Select(c => c.Id).ToHashSet();
            var roots = Threaded(comments, upvoted, query.Order);
            return new Result(thread.SubmissionId, thread.ConsultationId, thread.Title, thread.Sequence, query.Order, moderates,
                new Paged<CommentNode>(roots, query.Page, PageSize, total));
        }

        static IReadOnlyList<CommentNode> Threaded(IReadOnlyList<CommentView> comments, HashSet<Guid> upvoted, Sort order)
        {
            var byParent = comments.ToLookup(c => c.ParentId);
            IReadOnlyList<CommentNode> Under(Guid? parent) => Ordered(byParent[parent], order)
                .Select(c => new CommentNode(c, upvoted.Contains(c.Id), Under(c.Id)))
                .ToList();
            return Under(null);
        }

        static IEnumerable<CommentView> Ordered(IEnumerable<CommentView> comments, Sort order) => order == Sort.Newest
            ? comments.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            : comments.OrderByDescending(c => c.Upvotes).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
    }

    /// <summary>GET /api/submissions/{id}/comments lists the thread; with ?after=N it answers what changed since N.</summary>
    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapGet("/{submissionId:guid}/comments",
                async (Guid submissionId, long? after, Sort? sort, int? page, ISender sender, CancellationToken ct) => after is { } since
                    ? Results.Ok(await sender.Send(new GetCommentsSince.Query(submissionId, since), ct))
                    : Results.Ok(await sender.Send(new Query(submissionId, sort ?? Sort.Newest, page ?? 1), ct)))
            .WithName("ListComments")
            .WithSummary("A submission's comment thread (sort=Newest|MostSupported, page), or with after=N the changes since sequence N.");
}
