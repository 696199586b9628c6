using Consultation.Web.Infrastructure.Database;

namespace Consultation.Web.Features.Organisations;

/// <summary>Outcome of a change to someone's membership.</summary>
public enum MembershipChange { Done, NotMember, LastRepresentative }

/// <summary>Statements several organisation use cases share.</summary>
public static class OrganisationStatements
{
    // Bumping the version takes the organisation's row lock (PostgreSQL) or is already inside the single writer
    // (SQLite), so concurrent membership changes and vouches for one organisation run one after the other and each
    // sees the others' committed rows.
    const string Lock = "UPDATE organisation SET version = version + 1 WHERE id = @OrganisationId";

    // Admins and the organisers of a network the organisation belongs to (or asked to join), signed in with two factors.
    const string OverseesSql = """
        SELECT 1 FROM "AspNetUsers" u
        WHERE u."Id" = @UserId AND u."TwoFactorEnabled" = @True AND (
            EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                    WHERE ur."UserId" = u."Id" AND r."NormalizedName" = 'ADMIN')
            OR EXISTS (SELECT 1 FROM network_organiser o
                       JOIN network_membership m ON m.network_id = o.network_id
                       WHERE o.user_id = u."Id" AND m.organisation_id = @OrganisationId AND m.status IN ('member', 'requested')))
        """;

    // The WHERE refuses to take away the last representative; run after Lock, so the count is current.
    const string RemoveMember = """
        DELETE FROM organisation_member
        WHERE organisation_id = @OrganisationId AND user_id = @UserId
          AND (role = 'member' OR EXISTS (
              SELECT 1 FROM organisation_member other
              WHERE other.organisation_id = @OrganisationId AND other.user_id <> @UserId AND other.role = 'representative'))
        """;
    const string ChangeRole = """
        UPDATE organisation_member SET role = @Role
        WHERE organisation_id = @OrganisationId AND user_id = @UserId
          AND (@Role = 'representative' OR EXISTS (
              SELECT 1 FROM organisation_member other
              WHERE other.organisation_id = @OrganisationId AND other.user_id <> @UserId AND other.role = 'representative'))
        """;
    const string VerifyPending = """
        UPDATE organisation SET status = 'verified', verified_at = @Now, version = version + 1
        WHERE id = @OrganisationId AND status = 'pending'
        """;
    const string IsMember = "SELECT 1 FROM organisation_member WHERE organisation_id = @OrganisationId AND user_id = @UserId";

    /// <summary>Locks the organisation for the rest of the command; false when it does not exist.</summary>
    public static async Task<bool> LockOrganisationAsync(this Db db, Guid organisationId, CancellationToken ct) =>
        await db.ExecuteAsync(Lock, new { OrganisationId = organisationId }, ct) == 1;

    /// <summary>Whether the person may see the organisation's private fields and verify it.</summary>
    public static Task<bool> OverseesOrganisationAsync(this Db db, Guid userId, Guid organisationId, CancellationToken ct) =>
        db.ExistsAsync(OverseesSql, new { UserId = userId, OrganisationId = organisationId, True = true }, ct);

    /// <summary>Pending becomes verified; false when the organisation was not pending (or does not exist).</summary>
    public static async Task<bool> VerifyPendingAsync(this Db db, Guid organisationId, DateTimeOffset now, CancellationToken ct) =>
        await db.ExecuteAsync(VerifyPending, new { OrganisationId = organisationId, Now = now }, ct) == 1;

    public static Task<MembershipChange> RemoveMemberAsync(this Db db, Guid organisationId, Guid userId, CancellationToken ct) =>
        db.ChangeMembershipAsync(RemoveMember, organisationId, userId, null, ct);

    public static Task<MembershipChange> ChangeMemberRoleAsync(this Db db, Guid organisationId, Guid userId, string role, CancellationToken ct) =>
        db.ChangeMembershipAsync(ChangeRole, organisationId, userId, role, ct);

    static async Task<MembershipChange> ChangeMembershipAsync(this Db db, string sql, Guid organisationId, Guid userId, string? role, CancellationToken ct)
    {
        var parameters = new { OrganisationId = organisationId, UserId = userId, Role = role };
        if (!await db.LockOrganisationAsync(organisationId, ct))
        {
            return MembershipChange.NotMember;
        }
        if (await db.ExecuteAsync(sql, parameters, ct) == 1)
        {
            return MembershipChange.Done;
        }
        return await db.ExistsAsync(IsMember, parameters, ct) ? MembershipChange.LastRepresentative : MembershipChange.NotMember;
    }
}
