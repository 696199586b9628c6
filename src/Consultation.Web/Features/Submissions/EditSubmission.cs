using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Text;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// The lead organisation's members change a submission. A draft changes in place; once submitted, every edit is a new
/// version, so readers can see what changed after they read it.
/// </summary>
public static class EditSubmission
{
    public sealed record Command(Guid SubmissionId, SubmissionText Text) : ICommand<Result>, ISignedInRequest;

    public enum Result { Edited, Withdrawn }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(SubmissionText.Validator text) => RuleFor(c => c.Text).NotNull().SetValidator(text);
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, MarkdownRenderer markdown, IStringLocalizer<SubmissionMessages> text,
        TimeProvider clock) : ICommandHandler<Command, Result>
    {
        // The status in the WHERE keeps a concurrent withdrawal from being overwritten.
        const string UpdateSql = """
            UPDATE submission SET title = @Title, summary = @Summary, body = @Body, body_html = @BodyHtml, language = @Language,
                attribution = @Attribution, updated_at = @Now,
                current_version = CASE WHEN status = 'submitted' THEN current_version + 1 ELSE current_version END
            WHERE id = @Id AND status = @Status
            """;
        const string InsertVersionSql = """
            INSERT INTO submission_version (submission_id, number, title, summary, body, language, edited_by, edited_at)
            SELECT id, current_version, title, summary, body, language, @UserId, @Now FROM submission WHERE id = @Id
            """;

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var state = await SubmissionAccess.PublishableAsync(db, caller, rules, c.SubmissionId, ct);
            if (state.Status == "withdrawn")
            {
                return Result.Withdrawn;
            }
            await SubmissionTags.RequireAuthorsAreMembersAsync(db, text, c.Text, state.OrganisationId, nameof(Command.Text), ct);
            var userId = caller.RequiredUserId;
            var now = clock.GetUtcNow();
            var row = new
            {
                Id = c.SubmissionId,
                state.Status,
                Title = c.Text.Title!.Trim(),
                Summary = c.Text.Summary!.Trim(),
                Body = c.Text.Body!,
                BodyHtml = markdown.ToSafeHtml(c.Text.Body!),
                Language = c.Text.CleanLanguage,
                c.Text.Attribution,
                UserId = userId,
                Now = now,
            };
            if (await db.ExecuteAsync(UpdateSql, row, ct) == 0)
            {
                return Result.Withdrawn;
            }
            if (state.Status == "submitted")
            {
                await db.ExecuteAsync(InsertVersionSql, row, ct);
            }
            await SubmissionTags.WriteAsync(db, c.SubmissionId, c.Text, userId, now, ct);
            db.AfterCommit(new SubmissionsChanged());
            return Result.Edited;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapPut("/{id:guid}", async (Guid id, SubmissionText text, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(id, text), ct) switch
                {
                    Result.Edited => Results.NoContent(),
                    _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A withdrawn submission can no longer be edited."),
                })
            .WithName("EditSubmission")
            .WithSummary("Edit a submission (members of the lead organisation); after submission each edit is a new version.");
}
