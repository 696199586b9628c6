using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Email;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// A representative of an invited organisation accepts (the organisation signs) or declines; the lead organisation's
/// representatives are told. Giving the same answer again changes nothing, so a retried form or request is safe; a
/// different answer later is refused.
/// </summary>
public static class RespondToCoSigningInvitation
{
    public sealed record Command(Guid SubmissionId, Guid OrganisationId, bool? Accept) : ICommand<Result>, IOrganisationRepresentativeRequest;

    public sealed record Body(bool? Accept);

    public enum Result { Answered, AlreadyAnswered, AnsweredOtherwise, SubmissionWithdrawn }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<CoSigningTerms> text) =>
            RuleFor(c => c.Accept).NotNull().WithMessage(_ => text["Choose to accept or decline."]);
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock, PublicLinks links, IStringLocalizer<CoSigningTerms> text)
        : ICommandHandler<Command, Result>
    {
        const string OrganisationNameSql = "SELECT name FROM organisation WHERE id = @OrganisationId";

        const string Answer = """
            UPDATE submission_signatory SET status = @Status, responded_at = @Now, responded_by = @UserId
            WHERE submission_id = @SubmissionId AND organisation_id = @OrganisationId AND status = 'invited'
            """;

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var submission = await db.SubmissionStateAsync(command.SubmissionId, ct);
            var current = await db.SignatoryStatusAsync(command.SubmissionId, command.OrganisationId, ct)
                ?? throw new NotFoundException("The invitation");
            var status = command.Accept == true ? "signed" : "declined";
            if (current == status)
            {
                return Result.AlreadyAnswered;
            }
            if (current != "invited")
            {
                return Result.AnsweredOtherwise;
            }
            if (submission.Status == "withdrawn")
            {
                return Result.SubmissionWithdrawn;
            }
            await db.ExecuteAsync(Answer, new { command.SubmissionId, command.OrganisationId, Status = status, Now = clock.GetUtcNow(), UserId = caller.RequiredUserId }, ct);
            db.AfterCommit(new SubmissionsChanged());
            var name = await db.ExecuteScalarAsync<string>(OrganisationNameSql, command, ct) ?? "";
            foreach (var recipient in await Recipient.RepresentativesAsync(db, submission.LeadOrganisationId, ct))
            {
                db.AfterCommit(recipient.Write(to =>
                    CoSigningEmails.Answered(text, links, to, name, submission.Title, command.SubmissionId, accepted: status == "signed")));
            }
            return Result.Answered;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapPost("/{submissionId:guid}/signatories/{organisationId:guid}/response",
                async (Guid submissionId, Guid organisationId, Body body, ISender sender, CancellationToken ct) =>
                    await sender.Send(new Command(submissionId, organisationId, body.Accept), ct) switch
                    {
                        Result.Answered or Result.AlreadyAnswered => Results.NoContent(),
                        Result.AnsweredOtherwise => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The organisation has already answered otherwise."),
                        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The submission is withdrawn."),
                    })
            .RequireRateLimiting(RateLimits.Posting)
            .WithName("RespondToCoSigningInvitation")
            .WithSummary("An invited organisation accepts (signs) or declines an invitation to co-sign.");
}
