using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Organisations;

/// <summary>
/// A platform admin, or an organiser of a network the organisation belongs to or asked to join, verifies a pending
/// organisation (both signed in with two factors). Audited.
/// </summary>
public static class VerifyOrganisation
{
    public sealed record Command(Guid OrganisationId) : ICommand<Result>, ISignedInRequest;

    public enum Result { Verified, NotPending }

    public sealed class Handler(Db db, Caller caller, AuditLog audit, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        const string StatusSql = "SELECT status FROM organisation WHERE id = @OrganisationId";

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (await db.ExecuteScalarAsync<string>(StatusSql, command, ct) is null)
            {
                throw new NotFoundException("The organisation");
            }
            if (!await db.OverseesOrganisationAsync(caller.RequiredUserId, command.OrganisationId, ct))
            {
                throw new AccessDeniedException(
                    "Only platform admins and organisers of the organisation's networks, signed in with two factors, may verify it.");
            }
            if (!await db.VerifyPendingAsync(command.OrganisationId, clock.GetUtcNow(), ct))
            {
                return Result.NotPending;
            }
            await audit.RecordAsync("organisation.verified", "organisation", command.OrganisationId, new { by = "oversight" }, ct);
            return Result.Verified;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapPost("/{organisationId:guid}/verification", async (Guid organisationId, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(organisationId), ct) == Result.Verified
                    ? Results.NoContent()
                    : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only a pending organisation can be verified."))
            .WithName("VerifyOrganisation")
            .WithSummary("Verifies a pending organisation (admins, and organisers of its networks).");
}
