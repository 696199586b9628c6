namespace Consultation.Web.Features.Organisations;

public static class OrganisationsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");
        ListOrganisations.Map(organisations);
        GetOrganisation.Map(organisations);
        RegisterOrganisation.Map(organisations);
        EditOrganisationProfile.Map(organisations);
        InviteMember.Map(organisations);
        AcceptInvitation.Map(organisations);
        ChangeMemberRole.Map(organisations);
        RemoveMember.Map(organisations);
        LeaveOrganisation.Map(organisations);
        VerifyOrganisation.Map(organisations);
        VouchForOrganisation.Map(organisations);
        SuspendOrganisation.Map(organisations);
        ReinstateOrganisation.Map(organisations);
    }
}
