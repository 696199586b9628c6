using Consultation.Web.Infrastructure.Database;

namespace Consultation.Web.Infrastructure.Access;

/// <summary>The relationship checks behind the request interfaces, each one query.</summary>
public sealed class AccessRules(Db db)
{
    public const string AdminRole = "admin";

    const string IsAdminSql = """
        SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
        WHERE ur."UserId" = @UserId AND r."NormalizedName" = 'ADMIN'
        """;
    const string HasTwoFactorSql = """SELECT 1 FROM "AspNetUsers" WHERE "Id" = @UserId AND "TwoFactorEnabled" = @True""";
    const string OrganisationRoleSql = """
        SELECT role FROM organisation_member WHERE organisation_id = @OrganisationId AND user_id = @UserId
        """;
    const string IsNetworkOrganiserSql = """
        SELECT 1 FROM network_organiser WHERE network_id = @NetworkId AND user_id = @UserId
        """;

    public Task<bool> IsAdminAsync(Guid userId, CancellationToken ct) => db.ExistsAsync(IsAdminSql, new { UserId = userId }, ct);

    public Task<bool> HasTwoFactorAsync(Guid userId, CancellationToken ct) =>
        db.ExistsAsync(HasTwoFactorSql, new { UserId = userId, True = true }, ct);

    /// <summary>"representative", "member", or null when the person is not in the organisation.</summary>
    public Task<string?> OrganisationRoleAsync(Guid userId, Guid organisationId, CancellationToken ct) =>
        db.ExecuteScalarAsync<string>(OrganisationRoleSql, new { UserId = userId, OrganisationId = organisationId }, ct);

    public Task<bool> IsNetworkOrganiserAsync(Guid userId, Guid networkId, CancellationToken ct) =>
        db.ExistsAsync(IsNetworkOrganiserSql, new { UserId = userId, NetworkId = networkId }, ct);
}
