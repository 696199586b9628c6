using Consultation.Web.Features.Networks;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Networks;

/// <summary>A network founded through the real use case, by an organiser who signs in with two factors.</summary>
public sealed record TestNetwork(Guid Id, Guid FoundingOrganisationId, TestPerson Organiser);

public static class TestNetworks
{
    public static async Task<TestNetwork> CreateNetworkAsync(this TestApp app, string? name = null)
    {
        var organiser = await app.CreatePersonAsync(twoFactor: true);
        var organisation = await app.CreateOrganisationAsync(organiser);
        var created = await app.SendAsync(organiser,
            new CreateNetwork.Command(organisation, name ?? "Network " + Guid.NewGuid().ToString("N")[..8], "A test network"));
        return new TestNetwork(created.Id, organisation, organiser);
    }

    /// <summary>A new organisation (and its representative) that has asked to join the network.</summary>
    public static async Task<(TestPerson Representative, Guid OrganisationId)> RequestToJoinAsync(this TestApp app, TestNetwork network)
    {
        var representative = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(representative);
        await app.SendAsync(representative, new RequestToJoinNetwork.Command(network.Id, organisation));
        return (representative, organisation);
    }

    /// <summary>A new organisation that has asked to join and been approved.</summary>
    public static async Task<(TestPerson Representative, Guid OrganisationId)> JoinAsync(this TestApp app, TestNetwork network)
    {
        var member = await app.RequestToJoinAsync(network);
        await app.SendAsync(network.Organiser,
            new DecideMembershipRequest.Command(network.Id, member.OrganisationId, DecideMembershipRequest.Decision.Approve));
        return member;
    }

    public static Task<string?> MembershipStatusAsync(this TestApp app, Guid networkId, Guid organisationId) =>
        app.ScalarAsync<string>("SELECT status FROM network_membership WHERE network_id = @NetworkId AND organisation_id = @OrganisationId",
            new { NetworkId = networkId, OrganisationId = organisationId });

    public static Task<long> AuditCountAsync(this TestApp app, Guid networkId, string action) =>
        app.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE object_type = 'network' AND object_id = @NetworkId AND action = @Action",
            new { NetworkId = networkId, Action = action });
}
