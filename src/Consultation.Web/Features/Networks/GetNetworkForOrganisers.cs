using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Dapper;
using Mediator;

namespace Consultation.Web.Features.Networks;

/// <summary>What only organisers see: pending requests to join, the organisers, and who may be made one.</summary>
public static class GetNetworkForOrganisers
{
    public sealed record Query(Guid NetworkId) : IQuery<Result>, INetworkOrganiserRequest;

    public sealed record Result(IReadOnlyList<PendingRequest> PendingRequests, IReadOnlyList<Person> Organisers, IReadOnlyList<Person> Eligible);

    public sealed record PendingRequest
    {
        public Guid OrganisationId { get; init; }
        public string Name { get; init; } = "";
        public string OrganisationStatus { get; init; } = "";
        public DateTimeOffset RequestedAt { get; init; }
    }

    /// <summary>A person by display name (perhaps a pseudonym), with the member organisation they come through.</summary>
    public sealed record Person
    {
        public Guid UserId { get; init; }
        public string DisplayName { get; init; } = "";
        public string? OrganisationName { get; init; }
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, Result>
    {
        const string Sql = """
            SELECT o.id AS OrganisationId, o.name AS Name, o.status AS OrganisationStatus, m.requested_at AS RequestedAt
            FROM network_membership m JOIN organisation o ON o.id = m.organisation_id
            WHERE m.network_id = @NetworkId AND m.status = 'requested'
            ORDER BY m.requested_at, o.id;
            SELECT u."Id" AS UserId, u."DisplayName" AS DisplayName
            FROM network_organiser n JOIN "AspNetUsers" u ON u."Id" = n.user_id
            WHERE n.network_id = @NetworkId
            ORDER BY u."DisplayName", u."Id";
            SELECT u."Id" AS UserId, u."DisplayName" AS DisplayName, o.name AS OrganisationName
            FROM network_membership m
            JOIN organisation o ON o.id = m.organisation_id
            JOIN organisation_member om ON om.organisation_id = m.organisation_id
            JOIN "AspNetUsers" u ON u."Id" = om.user_id
            WHERE m.network_id = @NetworkId AND m.status = 'member'
              AND NOT EXISTS (SELECT 1 FROM network_organiser n WHERE n.network_id = @NetworkId AND n.user_id = om.user_id)
            ORDER BY u."DisplayName", u."Id", o.name;
            """;

        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            using var results = await db.QueryMultipleAsync(Sql, q, ct);
            return new Result(
                (await results.ReadAsync<PendingRequest>()).AsList(),
                (await results.ReadAsync<Person>()).AsList(),
                (await results.ReadAsync<Person>()).AsList());
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder networks) =>
        networks.MapGet("/{networkId:guid}/organiser-view", async (Guid networkId, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Query(networkId), ct)))
            .WithName("GetNetworkForOrganisers")
            .WithSummary("Pending requests, organisers and people who may become organisers (organisers, with two-factor sign-in).");
}
