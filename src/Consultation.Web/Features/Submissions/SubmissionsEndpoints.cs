namespace Consultation.Web.Features.Submissions;

public static class SubmissionsEndpoints
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services) => services
        .AddSingleton<SubmissionSearchCache>();

    public static void Map(RouteGroupBuilder api)
    {
        var ofConsultation = api.MapGroup("/consultations/{consultationId:guid}/submissions").WithTags("Submissions");
        DraftSubmission.Map(ofConsultation);
        var submissions = api.MapGroup("/submissions").WithTags("Submissions");
        GetSubmission.Map(submissions);
        EditSubmission.Map(submissions);
        SubmitSubmission.Map(submissions);
        WithdrawSubmission.Map(submissions);
        AgreeToBeNamed.Map(submissions);
        GetSubmissionHistory.Map(submissions);
        DiffSubmissionVersions.Map(submissions);
    }
}
