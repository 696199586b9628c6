using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Email;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// A representative of the lead organisation asks other verified organisations to co-sign; each invited
/// organisation's representatives are emailed once the invitations are saved.
/// </summary>
public static class InviteCoSigners
{
    public const int MostAtOnce = 20;

    public sealed record Command(Guid SubmissionId, IReadOnlyList<Guid>? OrganisationIds) : ICommand<Result>, ISignedInRequest;

    public sealed record Body(IReadOnlyList<Guid>? OrganisationIds);

    public enum Result { Invited, SubmissionWithdrawn }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<CoSigningTerms> text)
        {
            RuleFor(c => c.OrganisationIds).NotEmpty().WithMessage(_ => text["Choose at least one organisation to invite."]);
            RuleFor(c => c.OrganisationIds).Must(ids => ids!.Count <= MostAtOnce).When(c => c.OrganisationIds is not null)
                .WithMessage(_ => text["Invite at most {0} organisations at once.", MostAtOnce]);
            RuleFor(c => c.OrganisationIds).Must(ids => !ids!.Contains(Guid.Empty) && ids!.Distinct().Count() == ids!.Count)
                .When(c => c.OrganisationIds is not null)
                .WithMessage(_ => text["Name each organisation once."]);
        }
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, TimeProvider clock, PublicLinks links, IStringLocalizer<CoSigningTerms> text)
        : ICommandHandler<Command, Result>
    {
        const string VerifiedSql = "SELECT id FROM organisation WHERE status = 'verified' AND {ids}";
        const string AlreadyAskedSql = "SELECT organisation_id FROM submission_signatory WHERE submission_id = @SubmissionId AND {ids}";
        const string Insert = """
            INSERT INTO submission_signatory (submission_id, organisation_id, role, status, invited_at)
            VALUES (@SubmissionId, @OrganisationId, 'co-signer', 'invited', @Now)
            """;

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            // A draft or hidden submission does not exist for outsiders (404); others may see it but not invite (403).
            var (submission, _) = await db.VisibleSubmissionAsync(caller, rules, command.SubmissionId, ct);
            if (await rules.OrganisationRoleAsync(caller.RequiredUserId, submission.LeadOrganisationId, ct) != "representative")
            {
                throw new AccessDeniedException("Only the lead organisation's representatives may invite co-signers.");
            }
            if (submission.Status == "withdrawn")
            {
                return Result.SubmissionWithdrawn;
            }
            var ids = command.OrganisationIds!.ToArray();
            var verified = await db.QueryAsync<Guid>(db.WithIdList(VerifiedSql, "id"), new { Ids = ids }, ct);
            if (ids.Except(verified).Any())
            {
                throw Invalid(text["Only verified organisations can be invited to co-sign."]);
            }
            var asked = await db.QueryAsync<Guid>(db.WithIdList(AlreadyAskedSql, "organisation_id"), new { command.SubmissionId, Ids = ids }, ct);
            if (asked.Count > 0)
            {
                throw Invalid(text["An organisation you chose is already a signatory or already invited."]);
            }
            var now = clock.GetUtcNow();
            foreach (var id in ids)
            {
                await db.ExecuteAsync(Insert, new { command.SubmissionId, OrganisationId = id, Now = now }, ct);
                foreach (var recipient in await Recipient.RepresentativesAsync(db, id, ct))
                {
                    db.AfterCommit(recipient.Write(to => CoSigningEmails.Invitation(text, links, to, submission.Title, id)));
                }
            }
            return Result.Invited;
        }

        static ValidationException Invalid(string message) =>
            new([new ValidationFailure(nameof(Command.OrganisationIds), message)]);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapPost("/{submissionId:guid}/signatories", async (Guid submissionId, Body body, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(submissionId, body.OrganisationIds), ct) switch
                {
                    Result.Invited => Results.NoContent(),
                    _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The submission is withdrawn."),
                })
            .RequireRateLimiting(RateLimits.Posting)
            .WithName("InviteCoSigners")
            .WithSummary("The lead organisation invites verified organisations to co-sign a submission.");
}
