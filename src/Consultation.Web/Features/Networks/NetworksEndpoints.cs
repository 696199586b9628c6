namespace Consultation.Web.Features.Networks;

public static class NetworksEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var networks = api.MapGroup("/networks").WithTags("Networks");
        ListNetworks.Map(networks);
        CreateNetwork.Map(networks);
        GetNetwork.Map(networks);
        GetNetworkForOrganisers.Map(networks);
        RequestToJoinNetwork.Map(networks);
        DecideMembershipRequest.Map(networks);
        LeaveNetwork.Map(networks);
        RemoveMemberOrganisation.Map(networks);
        GrantOrganiserRole.Map(networks);
        RevokeOrganiserRole.Map(networks);
    }
}
