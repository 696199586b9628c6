using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Text;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// A member of a verified organisation starts a position for an open consultation, on the organisation's behalf.
/// It stays a draft, seen only by the organisation's members, until one of them submits it.
/// </summary>
public static class DraftSubmission
{
    public sealed record Command(Guid ConsultationId, Guid OrganisationId, SubmissionText Text) : ICommand<Drafted>, IOrganisationMemberRequest;

    public sealed record Drafted(Guid Id);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(SubmissionText.Validator text, IStringLocalizer<SubmissionMessages> messages)
        {
            RuleFor(c => c.OrganisationId).NotEmpty().WithMessage(_ => messages["Choose the organisation the submission speaks for."]);
            RuleFor(c => c.Text).NotNull().SetValidator(text);
        }
    }

    public sealed class Handler(Db db, Caller caller, MarkdownRenderer markdown, IStringLocalizer<SubmissionMessages> text, TimeProvider clock)
        : ICommandHandler<Command, Drafted>
    {
        const string OrganisationStatusSql = "SELECT status FROM organisation WHERE id = @OrganisationId";
        const string ConsultationStatusSql = "SELECT status FROM consultation WHERE id = @ConsultationId";
        const string InsertSql = """
            INSERT INTO submission (id, consultation_id, organisation_id, title, summary, body, body_html, language, attribution,
                created_by, created_at, updated_at)
            VALUES (@Id, @ConsultationId, @OrganisationId, @Title, @Summary, @Body, @BodyHtml, @Language, @Attribution, @UserId, @Now, @Now);
            INSERT INTO submission_signatory (submission_id, organisation_id, role, status, invited_at, responded_at, responded_by)
            VALUES (@Id, @OrganisationId, 'lead', 'signed', @Now, @Now, @UserId);
            """;

        public async ValueTask<Drafted> Handle(Command c, CancellationToken ct)
        {
            // A position speaks for the organisation, and only verified organisations may speak in consultations.
            if (await db.ExecuteScalarAsync<string>(OrganisationStatusSql, c, ct) != "verified")
            {
                throw new AccessDeniedException("Only a verified organisation may submit positions.");
            }
            switch (await db.ExecuteScalarAsync<string>(ConsultationStatusSql, c, ct))
            {
                case null or "draft":
                    throw new NotFoundException("The consultation");
                case not "open":
                    throw new ValidationException([new ValidationFailure(nameof(Command.ConsultationId), text["The consultation is not open for submissions."])]);
            }
            await SubmissionTags.RequireAuthorsAreMembersAsync(db, text, c.Text, c.OrganisationId, nameof(Command.Text), ct);
            var id = Guid.CreateVersion7();
            var userId = caller.RequiredUserId;
            var now = clock.GetUtcNow();
            await db.ExecuteAsync(InsertSql, new
            {
                Id = id,
                c.ConsultationId,
                c.OrganisationId,
                Title = c.Text.Title!.Trim(),
                Summary = c.Text.Summary!.Trim(),
                Body = c.Text.Body!,
                BodyHtml = markdown.ToSafeHtml(c.Text.Body!),
                Language = c.Text.CleanLanguage,
                c.Text.Attribution,
                UserId = userId,
                Now = now,
            }, ct);
            await SubmissionTags.WriteAsync(db, id, c.Text, userId, now, ct);
            return new Drafted(id);
        }
    }

    public sealed record Body(Guid OrganisationId, SubmissionText Text);

    public static RouteHandlerBuilder Map(RouteGroupBuilder consultationSubmissions) =>
        consultationSubmissions.MapPost("/", async (Guid consultationId, Body body, ISender sender, CancellationToken ct) =>
            {
                var drafted = await sender.Send(new Command(consultationId, body.OrganisationId, body.Text), ct);
                return Results.Created($"/api/submissions/{drafted.Id}", drafted);
            })
            .WithName("DraftSubmission")
            .WithSummary("Start a draft position for an open consultation, on behalf of your verified organisation.");
}
