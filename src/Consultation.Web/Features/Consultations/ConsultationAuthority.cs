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
            throw Refused();
        }
    }

    /// <summary>
    /// The consultation's owners, for someone who may manage it: the managing use cases start here. A draft does not
    /// exist for anyone else (404, as on its page); an open or closed one is public, so they are refused (403).
    /// </summary>
    public static async Task<Owner> RequireManagedAsync(AccessRules rules, Db db, Guid userId, Guid consultationId, CancellationToken ct)
    {
        var owner = await db.QuerySingleOrDefaultAsync<Owner>(
            "SELECT network_id AS NetworkId, organisation_id AS OrganisationId, status AS Status FROM consultation WHERE id = @Id",
            new { Id = consultationId }, ct)
            ?? throw new NotFoundException("The consultation");
        if (await MayManageAsync(rules, db, userId, owner.NetworkId, owner.OrganisationId, ct))
        {
            return owner;
        }
        throw owner.Status == "draft" ? new NotFoundException("The consultation") : Refused();
    }

    static AccessDeniedException Refused() =>
        new("Only the network's organisers (with two-factor sign-in) or a verified organisation's representatives may do this.");

    public sealed record Owner
    {
        public Guid? NetworkId { get; init; }
        public Guid? OrganisationId { get; init; }
        public string Status { get; init; } = "";
    }
}
