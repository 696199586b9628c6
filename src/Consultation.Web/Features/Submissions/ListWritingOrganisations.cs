using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Dapper;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// The organisations the caller belongs to, each with its members: the draft form's choice of lead organisation
/// (verified ones only may write) and of named authors, and the edit form's named authors.
/// </summary>
public static class ListWritingOrganisations
{
    public sealed record Query : IQuery<IReadOnlyList<Organisation>>, ISignedInRequest;

    public sealed record Organisation
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public IReadOnlyList<Member> Members { get; set; } = [];
    }

    public sealed record Member
    {
        public Guid OrganisationId { get; init; }
        public Guid UserId { get; init; }
        public string DisplayName { get; init; } = "";
    }

    public sealed class Handler(Db db, Caller caller) : IQueryHandler<Query, IReadOnlyList<Organisation>>
    {
        const string Sql = """
            SELECT o.id AS Id, o.name AS Name, o.status AS Status
            FROM organisation_member mine JOIN organisation o ON o.id = mine.organisation_id
            WHERE mine.user_id = @UserId
            ORDER BY LOWER(o.name), o.id;
            SELECT m.organisation_id AS OrganisationId, m.user_id AS UserId, u."DisplayName" AS DisplayName
            FROM organisation_member mine
            JOIN organisation_member m ON m.organisation_id = mine.organisation_id
            JOIN "AspNetUsers" u ON u."Id" = m.user_id
            WHERE mine.user_id = @UserId
            ORDER BY u."DisplayName", m.user_id;
            """;

        public async ValueTask<IReadOnlyList<Organisation>> Handle(Query query, CancellationToken ct)
        {
            using var results = await db.QueryMultipleAsync(Sql, new { UserId = caller.RequiredUserId }, ct);
            var organisations = (await results.ReadAsync<Organisation>()).AsList();
            var members = (await results.ReadAsync<Member>()).ToLookup(m => m.OrganisationId);
            foreach (var organisation in organisations)
            {
                organisation.Members = members[organisation.Id].ToArray();
            }
            return organisations;
        }
    }
}
