using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Organisations;

/// <summary>A platform admin lifts a suspension: back to verified, or to pending if it was never verified. Audited.</summary>
public static class ReinstateOrganisation
{
    public sealed record Command(Guid OrganisationId) : ICommand<Result>, IPlatformAdminRequest;

    public enum Result { Reinstated, NotSuspended }

    public sealed class Handler(Db db, AuditLog audit) : ICommandHandler<Command, Result>
    {
        const string Reinstate = """
            UPDATE organisation
            SET status = CASE WHEN verified_at IS NULL THEN 'pending' ELSE 'verified' END,
                suspension_reason = NULL, version = version + 1
            WHERE id = @OrganisationId AND status = 'suspended'
            """;
        const string Exists = "SELECT 1 FROM organisation WHERE id = @OrganisationId";

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (await db.ExecuteAsync(Reinstate, command, ct) == 0)
            {
                return await db.ExistsAsync(Exists, command, ct) ? Result.NotSuspended : throw new NotFoundException("The organisation");
            }
            await audit.RecordAsync("organisation.reinstated", "organisation", command.OrganisationId, null, ct);
            return Result.Reinstated;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapDelete("/{organisationId:guid}/suspension", async (Guid organisationId, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(organisationId), ct) == Result.Reinstated
                    ? Results.NoContent()
                    : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The organisation is not suspended."))
            .WithName("ReinstateOrganisation")
            .WithSummary("Lifts a suspension (platform admins).");
}
