using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// A co-signer takes its signature back while the submission stands. The row stays (status declined, with who and
/// when), so the lead can see what happened. The lead cannot un-sign its own submission: it withdraws the submission.
/// </summary>
public static class WithdrawCoSignature
{
    public sealed record Command(Guid SubmissionId, Guid OrganisationId) : ICommand<Result>, IOrganisationRepresentativeRequest;

    public enum Result { Withdrawn, NotSigned, IsLead, SubmissionWithdrawn }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        const string Withdraw = """
            UPDATE submission_signatory SET status = 'declined', responded_at = @Now, responded_by = @UserId
            WHERE submission_id = @SubmissionId AND organisation_id = @OrganisationId AND role = 'co-signer' AND status = 'signed'
            """;

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var submission = await db.SubmissionStateAsync(command.SubmissionId, ct);
            if (submission.LeadOrganisationId == command.OrganisationId)
            {
                return Result.IsLead;
            }
            if (submission.Status == "withdrawn")
            {
                return Result.SubmissionWithdrawn;
            }
            if (await db.ExecuteAsync(Withdraw, new { command.SubmissionId, command.OrganisationId, Now = clock.GetUtcNow(), UserId = caller.RequiredUserId }, ct) == 0)
            {
                return Result.NotSigned;
            }
            db.AfterCommit(new SubmissionsChanged());
            return Result.Withdrawn;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapDelete("/{submissionId:guid}/signatories/{organisationId:guid}",
                async (Guid submissionId, Guid organisationId, ISender sender, CancellationToken ct) =>
                    await sender.Send(new Command(submissionId, organisationId), ct) switch
                    {
                        Result.Withdrawn => Results.NoContent(),
                        Result.NotSigned => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The organisation has not signed this submission."),
                        Result.IsLead => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The lead organisation cannot withdraw its signature; withdraw the submission instead."),
                        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The submission is withdrawn."),
                    })
            .RequireRateLimiting(RateLimits.Posting)
            .WithName("WithdrawCoSignature")
            .WithSummary("A co-signing organisation withdraws its signature.");
}
