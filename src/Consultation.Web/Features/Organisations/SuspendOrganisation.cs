using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Organisations;

/// <summary>A platform admin suspends an organisation, giving a reason; the reason goes to the audit log too.</summary>
public static class SuspendOrganisation
{
    public sealed record Command(Guid OrganisationId, string? Reason) : ICommand<Result>, IPlatformAdminRequest;

    public sealed record Body(string? Reason);

    public enum Result { Suspended, AlreadySuspended }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<OrganisationTerms> text) =>
            RuleFor(c => c.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Give the reason for the suspension."])
                .MaximumLength(2000).WithMessage(_ => text["The reason may be at most 2000 characters long."]);
    }

    public sealed class Handler(Db db, AuditLog audit) : ICommandHandler<Command, Result>
    {
        const string Suspend = """
            UPDATE organisation SET status = 'suspended', suspension_reason = @Reason, version = version + 1
            WHERE id = @OrganisationId AND status <> 'suspended'
            """;
        const string Exists = "SELECT 1 FROM organisation WHERE id = @OrganisationId";

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var reason = command.Reason!.Trim();
            if (await db.ExecuteAsync(Suspend, new { command.OrganisationId, Reason = reason }, ct) == 0)
            {
                return await db.ExistsAsync(Exists, command, ct) ? Result.AlreadySuspended : throw new NotFoundException("The organisation");
            }
            await audit.RecordAsync("organisation.suspended", "organisation", command.OrganisationId, new { reason }, ct);
            return Result.Suspended;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapPost("/{organisationId:guid}/suspension", async (Guid organisationId, Body body, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(organisationId, body.Reason), ct) == Result.Suspended
                    ? Results.NoContent()
                    : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The organisation is already suspended."))
            .WithName("SuspendOrganisation")
            .WithSummary("Suspends an organisation with a reason (platform admins).");
}
