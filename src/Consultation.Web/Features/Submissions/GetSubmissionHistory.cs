using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>The versions of a submission since it was submitted, newest first, for anyone who may read it.</summary>
public static class GetSubmissionHistory
{
    public sealed record Query(Guid Id) : IQuery<Result>;

    public sealed record Result(Guid Id, string Title, IReadOnlyList<Version> Versions);

    public sealed record Version
    {
        public int Number { get; init; }
        public string Title { get; init; } = "";
        public DateTimeOffset EditedAt { get; init; }
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules) : IQueryHandler<Query, Result>
    {
        const string TitleSql = "SELECT title FROM submission WHERE id = @Id";
        const string VersionsSql = """
            SELECT number AS Number, title AS Title, edited_at AS EditedAt FROM submission_version
            WHERE submission_id = @Id ORDER BY number DESC
            """;

        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            await SubmissionAccess.VisibleAsync(db, caller, rules, q.Id, ct);
            var title = await db.ExecuteScalarAsync<string>(TitleSql, q, ct);
            return new Result(q.Id, title ?? "", await db.QueryAsync<Version>(VersionsSql, q, ct));
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapGet("/{id:guid}/versions", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new Query(id), ct)))
            .WithName("GetSubmissionHistory")
            .WithSummary("The versions of a submission, newest first.");
}
