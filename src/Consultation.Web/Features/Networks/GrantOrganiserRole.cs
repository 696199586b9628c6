using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Networks;

/// <summary>
/// An organiser makes someone else an organiser. Only people who represent or belong to a member organisation qualify,
/// so a network is always run by its own members.
/// </summary>
public static class GrantOrganiserRole
{
    public sealed record Command(Guid NetworkId, Guid UserId) : ICommand<Unit>, INetworkOrganiserRequest;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<NetworkMessages> text)
        {
            RuleFor(c => c.NetworkId).NotEmpty();
            RuleFor(c => c.UserId).NotEmpty().WithMessage(_ => text["Choose the person to make an organiser."]);
        }
    }

    public sealed class Handler(Db db, AuditLog audit, TimeProvider clock, IStringLocalizer<NetworkMessages> text) : ICommandHandler<Command, Unit>
    {
        const string EligibleSql = """
            SELECT 1 FROM network_membership m
            JOIN organisation_member om ON om.organisation_id = m.organisation_id
            WHERE m.network_id = @NetworkId AND m.status = 'member' AND om.user_id = @UserId
            """;
        const string GrantSql = """
            INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@NetworkId, @UserId, @Now)
            ON CONFLICT (network_id, user_id) DO NOTHING
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            if (!await db.ExistsAsync(EligibleSql, c, ct))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.UserId),
                    text["Only someone who represents or belongs to a member organisation may become an organiser."])]);
            }
            // Granting twice is not an error (a repeated click or retry); only a real change is audited.
            if (await db.ExecuteAsync(GrantSql, new { c.NetworkId, c.UserId, Now = clock.GetUtcNow() }, ct) == 1)
            {
                await audit.RecordAsync(NetworkAudit.OrganiserGranted, NetworkAudit.ObjectType, c.NetworkId, new { c.UserId }, ct);
            }
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder networks) =>
        networks.MapPut("/{networkId:guid}/organisers/{userId:guid}",
                async (Guid networkId, Guid userId, ISender sender, CancellationToken ct) =>
                {
                    await sender.Send(new Command(networkId, userId), ct);
                    return Results.NoContent();
                })
            .WithName("GrantOrganiserRole")
            .WithSummary("Make a person from a member organisation an organiser (organisers, with two-factor sign-in).");
}
