using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Networks;

/// <summary>The verified organisations the caller represents: those they may found a network for.</summary>
public static class ListFoundingOrganisations
{
    public sealed record Query : IQuery<IReadOnlyList<Organisation>>, ISignedInRequest;

    public sealed record Organisation
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }

    public sealed class Handler(Db db, Caller caller) : IQueryHandler<Query, IReadOnlyList<Organisation>>
    {
        const string Sql = """
            SELECT o.id AS Id, o.name AS Name
            FROM organisation_member om JOIN organisation o ON o.id = om.organisation_id
            WHERE om.user_id = @UserId AND om.role = 'representative' AND o.status = 'verified'
            ORDER BY LOWER(o.name), o.id
            """;

        public async ValueTask<IReadOnlyList<Organisation>> Handle(Query q, CancellationToken ct) =>
            await db.QueryAsync<Organisation>(Sql, new { UserId = caller.RequiredUserId }, ct);
    }
}
