using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>The invitations to co-sign that an organisation has not answered yet; for its representatives only.</summary>
public static class ListCoSigningInvitations
{
    public sealed record Query(Guid OrganisationId) : IQuery<IReadOnlyList<Invitation>>, IOrganisationRepresentativeRequest;

    public sealed record Invitation
    {
        public Guid SubmissionId { get; init; }
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string LeadOrganisationName { get; init; } = "";
        public DateTimeOffset InvitedAt { get; init; }
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, IReadOnlyList<Invitation>>
    {
        const string Sql = """
            SELECT s.id AS SubmissionId, s.title AS Title, s.summary AS Summary, lead.name AS LeadOrganisationName, i.invited_at AS InvitedAt
            FROM submission_signatory i
            JOIN submission s ON s.id = i.submission_id
            JOIN organisation lead ON lead.id = s.organisation_id
            WHERE i.organisation_id = @OrganisationId AND i.status = 'invited' AND s.status <> 'withdrawn'
            ORDER BY i.invited_at DESC, s.id
            """;

        public async ValueTask<IReadOnlyList<Invitation>> Handle(Query query, CancellationToken ct) =>
            await db.QueryAsync<Invitation>(Sql, query, ct);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapGet("/{organisationId:guid}/co-signing-invitations", async (Guid organisationId, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Query(organisationId), ct)))
            .WithName("ListCoSigningInvitations")
            .WithSummary("Pending invitations to co-sign, for the invited organisation's representatives.");
}
