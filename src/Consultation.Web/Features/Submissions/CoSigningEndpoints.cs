namespace Consultation.Web.Features.Submissions;

/// <summary>
/// Joint submissions (signatories, endorsements) and search. Writing submissions maps its own endpoints on the same
/// /api/submissions path.
/// </summary>
public static class CoSigningEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var submissions = api.MapGroup("/submissions").WithTags("Submissions");
        SearchSubmissions.Map(submissions);
        ListSignatories.Map(submissions);
        InviteCoSigners.Map(submissions);
        RespondToCoSigningInvitation.Map(submissions);
        WithdrawCoSignature.Map(submissions);
        ListEndorsements.Map(submissions);
        EndorseSubmission.Map(submissions);
        WithdrawEndorsement.Map(submissions);
        ListCoSigningInvitations.Map(api.MapGroup("/organisations").WithTags("Submissions"));
    }
}
