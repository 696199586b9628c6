using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Networks;

/// <summary>A representative takes their organisation out of a network, or withdraws its pending request.</summary>
public static class LeaveNetwork
{
    public sealed record Command(Guid NetworkId, Guid OrganisationId) : ICommand<Unit>, IOrganisationRepresentativeRequest;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NetworkId).NotEmpty();
            RuleFor(c => c.OrganisationId).NotEmpty();
        }
    }

    public sealed class Handler(Db db, AuditLog audit) : ICommandHandler<Command, Unit>
    {
        // A declined request stays, so that the organisers' decision is not erased by the organisation.
        const string LeaveSql = """
            DELETE FROM network_membership
            WHERE network_id = @NetworkId AND organisation_id = @OrganisationId AND status IN ('member', 'requested')
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            if (await db.ExecuteAsync(LeaveSql, c, ct) == 0)
            {
                throw new NotFoundException("The membership");
            }
            await audit.RecordAsync(NetworkAudit.MemberLeft, NetworkAudit.ObjectType, c.NetworkId, new { c.OrganisationId }, ct);
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder networks) =>
        networks.MapDelete("/{networkId:guid}/members/{organisationId:guid}",
                async (Guid networkId, Guid organisationId, ISender sender, CancellationToken ct) =>
                {
                    await sender.Send(new Command(networkId, organisationId), ct);
                    return Results.NoContent();
                })
            .WithName("LeaveNetwork")
            .WithSummary("Take your organisation out of the network, or withdraw its request to join.");
}
