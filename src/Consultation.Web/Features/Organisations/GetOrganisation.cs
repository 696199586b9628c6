using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Dapper;
using Mediator;

namespace Consultation.Web.Features.Organisations;

/// <summary>
/// The public profile of an organisation. Its private part (contacts, suspension reason, member list) is read only
/// for its members, the organisers of its networks and admins; everyone else gets null there, not an empty shell.
/// </summary>
public static class GetOrganisation
{
    public sealed record Query(Guid OrganisationId) : IQuery<Result?>;

    public sealed record Result
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? CountryCode { get; init; }
        public string? CountryName { get; init; }
        public string? RegionCode { get; init; }
        public string? RegionName { get; init; }
        public string Description { get; init; } = "";
        public string? Website { get; init; }
        public string Status { get; init; } = "";
        public DateTimeOffset? VerifiedAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public IReadOnlyList<string> Constituencies { get; init; } = [];
        public PrivateDetails? Private { get; init; }
        public ViewerDetails Viewer { get; init; } = new();
    }

    public sealed record PrivateDetails
    {
        public string? ContactEmail { get; init; }
        public string? ContactPhone { get; init; }
        public string? SuspensionReason { get; init; }
        public IReadOnlyList<Member> Members { get; init; } = [];
    }

    public sealed record Member
    {
        public Guid UserId { get; init; }
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public DateTimeOffset JoinedAt { get; init; }
    }

    /// <summary>What the caller may do here, so pages offer only the forms that would succeed.</summary>
    public sealed record ViewerDetails
    {
        public string? Role { get; init; }
        public bool MayVerify { get; init; }
        public bool MaySuspend { get; init; }
        public IReadOnlyList<Voucher> MayVouchAs { get; init; } = [];
    }

    public sealed record Voucher
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules) : IQueryHandler<Query, Result?>
    {
        const string Sql = """
            SELECT o.id AS Id, o.name AS Name, o.country_code AS CountryCode, c.name AS CountryName,
                   o.region_code AS RegionCode, r.name AS RegionName, o.description AS Description, o.website AS Website,
                   o.status AS Status, o.verified_at AS VerifiedAt, o.created_at AS CreatedAt
            FROM organisation o
            LEFT JOIN country c ON c.code = o.country_code
            LEFT JOIN region r ON r.code = o.region_code
            WHERE o.id = @OrganisationId;
            SELECT constituency FROM organisation_constituency WHERE organisation_id = @OrganisationId ORDER BY constituency;
            SELECT contact_email AS ContactEmail, contact_phone AS ContactPhone, suspension_reason AS SuspensionReason
            FROM organisation WHERE id = @OrganisationId;
            """;
        const string MembersSql = """
            SELECT m.user_id AS UserId, u."DisplayName" AS DisplayName, m.role AS Role, m.joined_at AS JoinedAt
            FROM organisation_member m JOIN "AspNetUsers" u ON u."Id" = m.user_id
            WHERE m.organisation_id = @OrganisationId
            ORDER BY m.role DESC, u."DisplayName"
            """;
        // Verified organisations the caller represents that have not vouched for this one yet.
        const string VouchersSql = """
            SELECT o.id AS Id, o.name AS Name
            FROM organisation_member m JOIN organisation o ON o.id = m.organisation_id
            WHERE m.user_id = @UserId AND m.role = 'representative' AND o.status = 'verified' AND o.id <> @OrganisationId
              AND NOT EXISTS (SELECT 1 FROM organisation_vouch v
                              WHERE v.organisation_id = @OrganisationId AND v.voucher_organisation_id = o.id)
            ORDER BY o.name
            """;

        public async ValueTask<Result?> Handle(Query query, CancellationToken ct)
        {
            Result? organisation;
            IReadOnlyList<string> constituencies;
            PrivateDetails? details;
            using (var sets = await db.QueryMultipleAsync(Sql, query, ct))
            {
                organisation = await sets.ReadSingleOrDefaultAsync<Result>();
                constituencies = (await sets.ReadAsync<string>()).AsList();
                details = await sets.ReadSingleOrDefaultAsync<PrivateDetails>();
            }
            if (organisation is null || details is null)
            {
                return null;
            }
            var viewer = await ViewerAsync(organisation, ct);
            return organisation with
            {
                Constituencies = constituencies,
                Private = viewer.Role is not null || viewer.MayVerify
                    ? details with { Members = await db.QueryAsync<Member>(MembersSql, query, ct) }
                    : null,
                Viewer = viewer with { MayVerify = viewer.MayVerify && organisation.Status == "pending" },
            };
        }

        // MayVerify here means "oversees the organisation"; the caller narrows it to pending organisations.
        async Task<ViewerDetails> ViewerAsync(Result row, CancellationToken ct)
        {
            if (caller.UserId is not { } userId)
            {
                return new ViewerDetails();
            }
            var oversees = await db.OverseesOrganisationAsync(userId, row.Id, ct);
            return new ViewerDetails
            {
                Role = await rules.OrganisationRoleAsync(userId, row.Id, ct),
                MayVerify = oversees,
                MaySuspend = oversees && await rules.IsAdminAsync(userId, ct),
                MayVouchAs = row.Status == "pending"
                    ? await db.QueryAsync<Voucher>(VouchersSql, new { UserId = userId, OrganisationId = row.Id }, ct)
                    : [],
            };
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapGet("/{organisationId:guid}", async (Guid organisationId, ISender sender, CancellationToken ct) =>
                await sender.Send(new Query(organisationId), ct) is { } organisation ? Results.Ok(organisation) : Results.NotFound())
            .WithName("GetOrganisation")
            .WithSummary("An organisation's profile; private fields only for its members, its networks' organisers and admins.");
}
