using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>The verified organisations that endorse a submission (support it without signing it).</summary>
public static class ListEndorsements
{
    public sealed record Query(Guid SubmissionId) : IQuery<IReadOnlyList<Endorsement>>;

    public sealed record Endorsement
    {
        public Guid OrganisationId { get; init; }
        public string Name { get; init; } = "";
        public DateTimeOffset EndorsedAt { get; init; }
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules) : IQueryHandler<Query, IReadOnlyList<Endorsement>>
    {
        const string Sql = """
            SELECT e.organisation_id AS OrganisationId, o.name AS Name, e.endorsed_at AS EndorsedAt
            FROM submission_endorsement e JOIN organisation o ON o.id = e.organisation_id
            WHERE e.submission_id = @SubmissionId
            ORDER BY e.endorsed_at, e.organisation_id
            """;

        public async ValueTask<IReadOnlyList<Endorsement>> Handle(Query query, CancellationToken ct)
        {
            await db.VisibleSubmissionAsync(caller, rules, query.SubmissionId, ct);
            return await db.QueryAsync<Endorsement>(Sql, query, ct);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapGet("/{submissionId:guid}/endorsements", async (Guid submissionId, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Query(submissionId), ct)))
            .WithName("ListEndorsements")
            .WithSummary("The organisations that endorse a submission.");
}
