using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Dapper;
using Mediator;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// Everything the platform holds about the signed-in person, as JSON: profile, organisation memberships, network
/// organiser roles and the audit entries of changes they made.
/// </summary>
public static class ExportMyData
{
    public sealed record Query : IQuery<Result>, ISignedInRequest;

    public sealed record Result(
        Profile Profile,
        IReadOnlyList<Membership> OrganisationMemberships,
        IReadOnlyList<OrganiserRole> NetworkOrganiserRoles,
        IReadOnlyList<AuditEntry> AuditEntries);

    public sealed record Profile
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
        public bool EmailConfirmed { get; init; }
        public string DisplayName { get; init; } = "";
        public string PreferredLanguage { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public bool TwoFactorEnabled { get; init; }
    }

    public sealed record Membership
    {
        public Guid OrganisationId { get; init; }
        public string OrganisationName { get; init; } = "";
        public string Role { get; init; } = "";
        public DateTimeOffset JoinedAt { get; init; }
    }

    public sealed record OrganiserRole
    {
        public Guid NetworkId { get; init; }
        public string NetworkName { get; init; } = "";
        public DateTimeOffset GrantedAt { get; init; }
    }

    public sealed record AuditEntry
    {
        public DateTimeOffset At { get; init; }
        public string Action { get; init; } = "";
        public string ObjectType { get; init; } = "";
        public Guid ObjectId { get; init; }
        public string? Details { get; init; }
    }

    public sealed class Handler(Db db, Caller caller) : IQueryHandler<Query, Result>
    {
        const string Sql = """
            SELECT "Id" AS Id, "Email" AS Email, "EmailConfirmed" AS EmailConfirmed, "DisplayName" AS DisplayName,
                   "PreferredLanguage" AS PreferredLanguage, "CreatedAt" AS CreatedAt, "TwoFactorEnabled" AS TwoFactorEnabled
            FROM "AspNetUsers" WHERE "Id" = @UserId;
            SELECT m.organisation_id AS OrganisationId, o.name AS OrganisationName, m.role AS Role, m.joined_at AS JoinedAt
            FROM organisation_member m JOIN organisation o ON o.id = m.organisation_id
            WHERE m.user_id = @UserId ORDER BY m.joined_at;
            SELECT n.network_id AS NetworkId, w.name AS NetworkName, n.granted_at AS GrantedAt
            FROM network_organiser n JOIN network w ON w.id = n.network_id
            WHERE n.user_id = @UserId ORDER BY n.granted_at;
            SELECT at AS At, action AS Action, object_type AS ObjectType, object_id AS ObjectId, details AS Details
            FROM audit_log WHERE actor_user_id = @UserId ORDER BY at;
            """;

        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            using var lists = await db.QueryMultipleAsync(Sql, new { UserId = caller.RequiredUserId }, ct);
            var profile = await lists.ReadSingleOrDefaultAsync<Profile>() ?? throw new NotFoundException("Your account");
            return new Result(
                profile,
                (await lists.ReadAsync<Membership>()).AsList(),
                (await lists.ReadAsync<OrganiserRole>()).AsList(),
                (await lists.ReadAsync<AuditEntry>()).AsList());
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder account) =>
        account.MapGet("/export", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var data = await sender.Send(new Query(), ct);
                // A download from the account page's plain link, no script needed.
                http.Response.Headers.ContentDisposition = "attachment; filename=\"my-consultation-data.json\"";
                return Results.Ok(data);
            })
            .WithName("ExportMyData")
            .WithSummary("Everything the platform holds about the signed-in person, as a JSON download.");
}
