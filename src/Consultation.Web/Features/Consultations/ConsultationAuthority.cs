using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;

namespace Consultation.Web.Features.Consultations;

/// <summary>
/// Who may create and run a consultation: an organiser of its network (signing in with two factors), or a
/// representative of its organisation once that organisation is verified. One rule, used by every managing use case.
/// </summary>
public static class ConsultationAuthority
{
    const string VerifiedSql = "SELECT 1 FROM organisation WHERE id = @Id AND status = 'verified'";

    public static async Task<bool> MayManageAsync(AccessRules rules, Db db, Guid userId, Guid? networkId, Guid? organisationId, CancellationToken ct)
    {
        if (networkId is { } network)
        {
            return await rules.IsNetworkOrganiserAsync(userId, network, ct) && await rules.HasTwoFactorAsync(userId, ct);
        }
        return organisationId is { } organisation
            && await rules.OrganisationRoleAsync(userId, organisation, ct) == "representative"
            && await db.ExistsAsync(VerifiedSql, new { Id = organisation }, ct);
    }

    public static async Task RequireMayManageAsync(AccessRules rules, Db db, Guid userId, Guid? networkId, Guid? organisationId, CancellationToken ct)
    {
        if (!await MayManageAsync(rules, db, userId, networkId, organisationId, ct))
        {
            throw new AccessDeniedException(
                "Only the network's organisers (with two-factor sign-in) or a verified organisation's representatives may do this.");
        }
    }

    /// <summary>The consultation's owners, or NotFound: the managing use cases start here.</summary>
    public static async Task<Owner> OwnerAsync(Db db, Guid consultationId, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<Owner>(
            "SELECT network_id AS NetworkId, organisation_id AS OrganisationId, status AS Status FROM consultation WHERE id = @Id",
            new { Id = consultationId }, ct)
        ?? throw new NotFoundException("The consultation");

    public sealed record Owner
    {
        public Guid? NetworkId { get; init; }
        public Guid? OrganisationId { get; init; }
        public string Status { get; init; } = "";
    }
}
