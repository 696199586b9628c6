using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// A representative of a verified organisation that did not sign a submitted submission endorses it. Endorsing
/// twice changes nothing.
/// </summary>
public static class EndorseSubmission
{
    public sealed record Command(Guid SubmissionId, Guid OrganisationId) : ICommand<Result>, IOrganisationRepresentativeRequest;

    public sealed record Body(Guid OrganisationId);

    public enum Result { Endorsed, AlreadyEndorsed, IsSignatory, NotSubmitted }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        const string Insert = """
            INSERT INTO submission_endorsement (submission_id, organisation_id, endorsed_by, endorsed_at)
            VALUES (@SubmissionId, @OrganisationId, @UserId, @Now)
            ON CONFLICT (submission_id, organisation_id) DO NOTHING
            """;

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var (submission, _) = await db.VisibleSubmissionAsync(caller, rules, command.SubmissionId, ct);
            if (!await db.IsVerifiedOrganisationAsync(command.OrganisationId, ct))
            {
                throw new AccessDeniedException("Only verified organisations may endorse submissions.");
            }
            if (submission.Status != "submitted" || submission.Hidden)
            {
                return Result.NotSubmitted;
            }
            if (await db.SignatoryStatusAsync(command.SubmissionId, command.OrganisationId, ct) == "signed")
            {
                return Result.IsSignatory;
            }
            var inserted = await db.ExecuteAsync(Insert, new { command.SubmissionId, command.OrganisationId, UserId = caller.RequiredUserId, Now = clock.GetUtcNow() }, ct);
            return inserted == 1 ? Result.Endorsed : Result.AlreadyEndorsed;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapPost("/{submissionId:guid}/endorsements", async (Guid submissionId, Body body, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(submissionId, body.OrganisationId), ct) switch
                {
                    Result.Endorsed or Result.AlreadyEndorsed => Results.NoContent(),
                    Result.IsSignatory => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A signatory cannot also endorse the submission."),
                    _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only a submitted submission can be endorsed."),
                })
            .RequireRateLimiting(RateLimits.Posting)
            .WithName("EndorseSubmission")
            .WithSummary("A verified organisation that did not sign endorses a submitted submission.");
}
