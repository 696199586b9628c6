using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Text;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Consultations;

/// <summary>Those who run a consultation correct it while it is a draft or open; once closed, its terms are history.</summary>
public static class EditConsultation
{
    public sealed record Command(Guid Id, ConsultationDetails Details) : ICommand<Result>, ISignedInRequest;

    public enum Result { Edited, NoLongerEditable }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ConsultationDetails.Validator details) => RuleFor(c => c.Details).NotNull().SetValidator(details);
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, AuditLog audit, MarkdownRenderer markdown)
        : ICommandHandler<Command, Result>
    {
        const string UpdateSql = """
            UPDATE consultation SET title = @Title, description = @Description, description_html = @DescriptionHtml, scope = @Scope,
                country_code = @CountryCode, region_code = @RegionCode, feeds_report = @FeedsReport, opens_at = @OpensAt,
                closes_at = @ClosesAt, pre_moderation = @PreModeration, version = version + 1
            WHERE id = @Id AND status IN ('draft', 'open')
            """;

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            await ConsultationAuthority.RequireManagedAsync(rules, db, caller.RequiredUserId, c.Id, ct);
            var row = c.Details.Row(markdown.ToSafeHtml(c.Details.Description ?? ""));
            row.Add("Id", c.Id);
            if (await db.ExecuteAsync(UpdateSql, row, ct) == 0)
            {
                return Result.NoLongerEditable;
            }
            await audit.RecordAsync("consultation.edited", "consultation", c.Id, new { c.Details.Title }, ct);
            return Result.Edited;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder consultations) =>
        consultations.MapPut("/{id:guid}", async (Guid id, ConsultationDetails details, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(id, details), ct) switch
                {
                    Result.Edited => Results.NoContent(),
                    _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A closed consultation can no longer be edited."),
                })
            .WithName("EditConsultation")
            .WithSummary("Edit a draft or open consultation (its organisers or its organisation's representatives).");
}
