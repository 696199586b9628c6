using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>An organisation takes back its endorsement.</summary>
public static class WithdrawEndorsement
{
    public sealed record Command(Guid SubmissionId, Guid OrganisationId) : ICommand<Result>, IOrganisationRepresentativeRequest;

    public enum Result { Withdrawn, NotEndorsed }

    public sealed class Handler(Db db) : ICommandHandler<Command, Result>
    {
        const string Delete = "DELETE FROM submission_endorsement WHERE submission_id = @SubmissionId AND organisation_id = @OrganisationId";

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            await db.SubmissionStateAsync(command.SubmissionId, ct);
            return await db.ExecuteAsync(Delete, command, ct) == 1 ? Result.Withdrawn : Result.NotEndorsed;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapDelete("/{submissionId:guid}/endorsements/{organisationId:guid}",
                async (Guid submissionId, Guid organisationId, ISender sender, CancellationToken ct) =>
                    await sender.Send(new Command(submissionId, organisationId), ct) switch
                    {
                        Result.Withdrawn => Results.NoContent(),
                        _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The organisation does not endorse this submission."),
                    })
            .RequireRateLimiting(RateLimits.Posting)
            .WithName("WithdrawEndorsement")
            .WithSummary("An organisation withdraws its endorsement of a submission.");
}
