using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Consultations;

/// <summary>
/// The networks and organisations the caller may create a consultation for: the create form's choices, and whether
/// the list page offers the form at all.
/// </summary>
public static class ListConsultationOwners
{
    public sealed record Query : IQuery<IReadOnlyList<Owner>>, ISignedInRequest;

    /// <summary>A network or an organisation; <see cref="Key"/> is the form value naming it ("network:{id}").</summary>
    public sealed record Owner
    {
        public string Kind { get; init; } = "";
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Key => $"{Kind}:{Id}";
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules) : IQueryHandler<Query, IReadOnlyList<Owner>>
    {
        // Candidates only; ConsultationAuthority decides, so the form offers exactly what CreateConsultation accepts.
        const string CandidatesSql = """
            SELECT 'network' AS Kind, n.id AS Id, n.name AS Name
            FROM network_organiser o JOIN network n ON n.id = o.network_id
            WHERE o.user_id = @UserId
            UNION ALL
            SELECT 'organisation' AS Kind, g.id AS Id, g.name AS Name
            FROM organisation_member m JOIN organisation g ON g.id = m.organisation_id
            WHERE m.user_id = @UserId AND m.role = 'representative'
            ORDER BY Kind, Name, Id
            """;

        public async ValueTask<IReadOnlyList<Owner>> Handle(Query query, CancellationToken ct)
        {
            var userId = caller.RequiredUserId;
            var owners = new List<Owner>();
            foreach (var candidate in await db.QueryAsync<Owner>(CandidatesSql, new { UserId = userId }, ct))
            {
                var networkId = candidate.Kind == "network" ? candidate.Id : (Guid?)null;
                var organisationId = candidate.Kind == "organisation" ? candidate.Id : (Guid?)null;
                if (await ConsultationAuthority.MayManageAsync(rules, db, userId, networkId, organisationId, ct))
                {
                    owners.Add(candidate);
                }
            }
            return owners;
        }
    }
}
