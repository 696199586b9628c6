using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Consultations;

/// <summary>
/// Moves a consultation one step along draft -> open -> closed -> synthesised. Never back: submissions and the report
/// rely on a closed consultation staying closed.
/// </summary>
public static class ChangeConsultationStatus
{
    public static readonly string[] Steps = ["draft", "open", "closed", "synthesised"];

    public sealed record Command(Guid Id, string Status) : ICommand<Result>, ISignedInRequest;

    public enum Result { Changed, NotTheNextStep }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<ConsultationMessages> text) =>
            RuleFor(c => c.Status).Must(status => Steps.Contains(status))
                .WithMessage(_ => text["The status is one of draft, open, closed or synthesised."]);
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, AuditLog audit) : ICommandHandler<Command, Result>
    {
        // The WHERE on the old status makes two organisers clicking at once move it one step, not two.
        const string UpdateSql = "UPDATE consultation SET status = @Status, version = version + 1 WHERE id = @Id AND status = @From";

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var owner = await ConsultationAuthority.RequireManagedAsync(rules, db, caller.RequiredUserId, c.Id, ct);
            if (Array.IndexOf(Steps, c.Status) != Array.IndexOf(Steps, owner.Status) + 1
                || await db.ExecuteAsync(UpdateSql, new { c.Id, c.Status, From = owner.Status }, ct) == 0)
            {
                return Result.NotTheNextStep;
            }
            await audit.RecordAsync("consultation.status-changed", "consultation", c.Id, new { From = owner.Status, To = c.Status }, ct);
            return Result.Changed;
        }
    }

    public sealed record Body(string Status);

    public static RouteHandlerBuilder Map(RouteGroupBuilder consultations) =>
        consultations.MapPost("/{id:guid}/status", async (Guid id, Body body, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(id, body.Status), ct) switch
                {
                    Result.Changed => Results.NoContent(),
                    _ => Results.Problem(statusCode: StatusCodes.Status409Conflict,
                        title: "A consultation moves one step forward at a time: draft, open, closed, synthesised."),
                })
            .WithName("ChangeConsultationStatus")
            .WithSummary("Move a consultation to its next status.");
}
