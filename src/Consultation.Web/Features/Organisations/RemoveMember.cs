using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Organisations;

/// <summary>A representative removes someone from the organisation (never its last representative).</summary>
public static class RemoveMember
{
    public sealed record Command(Guid OrganisationId, Guid UserId) : ICommand<MembershipChange>, IOrganisationRepresentativeRequest;

    public sealed class Handler(Db db) : ICommandHandler<Command, MembershipChange>
    {
        public async ValueTask<MembershipChange> Handle(Command command, CancellationToken ct) =>
            await db.RemoveMemberAsync(command.OrganisationId, command.UserId, ct);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapDelete("/{organisationId:guid}/members/{userId:guid}",
                async (Guid organisationId, Guid userId, ISender sender, CancellationToken ct) =>
                    MembershipResults.ToHttp(await sender.Send(new Command(organisationId, userId), ct)))
            .WithName("RemoveMember")
            .WithSummary("Removes a member (representatives only; the last representative cannot be removed).");
}
