using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Organisations;

/// <summary>A member leaves; the last representative must hand over first.</summary>
public static class LeaveOrganisation
{
    public sealed record Command(Guid OrganisationId) : ICommand<MembershipChange>, IOrganisationMemberRequest;

    public sealed class Handler(Db db, Caller caller) : ICommandHandler<Command, MembershipChange>
    {
        public async ValueTask<MembershipChange> Handle(Command command, CancellationToken ct) =>
            await db.RemoveMemberAsync(command.OrganisationId, caller.RequiredUserId, ct);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapPost("/{organisationId:guid}/leave", async (Guid organisationId, ISender sender, CancellationToken ct) =>
                MembershipResults.ToHttp(await sender.Send(new Command(organisationId), ct)))
            .WithName("LeaveOrganisation")
            .WithSummary("The caller leaves the organisation (not as its last representative).");
}
