using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Networks;

/// <summary>An organiser approves or declines an organisation's pending request to join.</summary>
public static class DecideMembershipRequest
{
    public enum Decision { Approve, Decline }

    public sealed record Command(Guid NetworkId, Guid OrganisationId, Decision Decision) : ICommand<Unit>, INetworkOrganiserRequest;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NetworkId).NotEmpty();
            RuleFor(c => c.OrganisationId).NotEmpty();
            RuleFor(c => c.Decision).IsInEnum();
        }
    }

    public sealed class Handler(Db db, Caller caller, AuditLog audit, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        const string DecideSql = """
            UPDATE network_membership SET status = @Status, decided_at = @Now, decided_by = @UserId
            WHERE network_id = @NetworkId AND organisation_id = @OrganisationId AND status = 'requested'
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            var approve = c.Decision == Decision.Approve;
            var decided = await db.ExecuteAsync(DecideSql, new
            {
                c.NetworkId,
                c.OrganisationId,
                Status = approve ? "member" : "declined",
                Now = clock.GetUtcNow(),
                UserId = caller.RequiredUserId,
            }, ct);
            if (decided == 0)
            {
                throw new NotFoundException("The pending request");
            }
            await audit.RecordAsync(approve ? NetworkAudit.MembershipApproved : NetworkAudit.MembershipDeclined,
                NetworkAudit.ObjectType, c.NetworkId, new { c.OrganisationId }, ct);
            return Unit.Value;
        }
    }

    public static void Map(RouteGroupBuilder networks)
    {
        MapDecision(networks, "approve", Decision.Approve).WithName("ApproveMembershipRequest")
            .WithSummary("Approve an organisation's request to join (organisers, with two-factor sign-in).");
        MapDecision(networks, "decline", Decision.Decline).WithName("DeclineMembershipRequest")
            .WithSummary("Decline an organisation's request to join (organisers, with two-factor sign-in).");
    }

    static RouteHandlerBuilder MapDecision(RouteGroupBuilder networks, string verb, Decision decision) =>
        networks.MapPost($"/{{networkId:guid}}/requests/{{organisationId:guid}}/{verb}",
            async (Guid networkId, Guid organisationId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(networkId, organisationId, decision), ct);
                return Results.NoContent();
            });
}
