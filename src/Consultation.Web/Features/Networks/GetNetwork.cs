using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Dapper;
using Mediator;

namespace Consultation.Web.Features.Networks;

/// <summary>
/// A network's public page: what it is and its member organisations. A signed-in caller also sees where each
/// organisation they represent stands with it, and whether they organise it (the organiser view is GetNetworkForOrganisers).
/// </summary>
public static class GetNetwork
{
    public sealed record Query(Guid NetworkId) : IQuery<Result>;

    public sealed record Result(
        Guid Id,
        string Name,
        string Description,
        DateTimeOffset CreatedAt,
        IReadOnlyList<Member> Members,
        IReadOnlyList<RepresentedOrganisation> CallerOrganisations,
        bool CallerIsOrganiser);

    public sealed record Member
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? CountryCode { get; init; }
    }

    /// <summary>An organisation the caller represents; Status is requested, member, declined, or null (never asked).</summary>
    public sealed record RepresentedOrganisation
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? Status { get; init; }
    }

    sealed record Network
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }

    public sealed class Handler(Db db, Caller caller) : IQueryHandler<Query, Result>
    {
        const string Sql = """
            SELECT id AS Id, name AS Name, description AS Description, created_at AS CreatedAt FROM network WHERE id = @NetworkId;
            SELECT o.id AS Id, o.name AS Name, o.country_code AS CountryCode
            FROM network_membership m JOIN organisation o ON o.id = m.organisation_id
            WHERE m.network_id = @NetworkId AND m.status = 'member'
            ORDER BY LOWER(o.name), o.id;
            SELECT o.id AS Id, o.name AS Name, m.status AS Status
            FROM organisation_member om
            JOIN organisation o ON o.id = om.organisation_id
            LEFT JOIN network_membership m ON m.organisation_id = o.id AND m.network_id = @NetworkId
            WHERE om.user_id = @UserId AND om.role = 'representative'
            ORDER BY LOWER(o.name), o.id;
            SELECT COUNT(*) FROM network_organiser WHERE network_id = @NetworkId AND user_id = @UserId;
            """;

        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            using var results = await db.QueryMultipleAsync(Sql, new { q.NetworkId, caller.UserId }, ct);
            var network = await results.ReadSingleOrDefaultAsync<Network>() ?? throw new NotFoundException("The network");
            var members = (await results.ReadAsync<Member>()).AsList();
            var callerOrganisations = (await results.ReadAsync<RepresentedOrganisation>()).AsList();
            var organises = await results.ReadSingleAsync<long>() > 0;
            return new Result(network.Id, network.Name, network.Description, network.CreatedAt, members, callerOrganisations, organises);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder networks) =>
        networks.MapGet("/{networkId:guid}", async (Guid networkId, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Query(networkId), ct)))
            .WithName("GetNetwork")
            .WithSummary("A network and its member organisations; for a signed-in caller, their own organisations' standing.");
}
