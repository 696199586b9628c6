using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Networks;

/// <summary>An organiser takes the role from another organiser, or steps down; the last organiser cannot go.</summary>
public static class RevokeOrganiserRole
{
    public sealed record Command(Guid NetworkId, Guid UserId) : ICommand<Result>, INetworkOrganiserRequest;

    public enum Result { Revoked, LastOrganiser }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NetworkId).NotEmpty();
            RuleFor(c => c.UserId).NotEmpty();
        }
    }

    public sealed class Handler(Db db, AuditLog audit) : ICommandHandler<Command, Result>
    {
        // Locks the network row first (PostgreSQL; SQLite already has one writer), so two organisers revoking each other at
        // once are serialised and the second sees the first's delete: the network never ends with no organiser.
        const string LockNetworkSql = "UPDATE network SET version = version + 1 WHERE id = @NetworkId";
        const string RevokeSql = """
            DELETE FROM network_organiser
            WHERE network_id = @NetworkId AND user_id = @UserId
              AND (SELECT COUNT(*) FROM network_organiser WHERE network_id = @NetworkId) > 1
            """;
        const string IsOrganiserSql = "SELECT 1 FROM network_organiser WHERE network_id = @NetworkId AND user_id = @UserId";

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            await db.ExecuteAsync(LockNetworkSql, c, ct);
            if (await db.ExecuteAsync(RevokeSql, c, ct) == 1)
            {
                await audit.RecordAsync(NetworkAudit.OrganiserRevoked, NetworkAudit.ObjectType, c.NetworkId, new { c.UserId }, ct);
                return Result.Revoked;
            }
            return await db.ExistsAsync(IsOrganiserSql, c, ct) ? Result.LastOrganiser : throw new NotFoundException("The organiser");
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder networks) =>
        networks.MapDelete("/{networkId:guid}/organisers/{userId:guid}",
                async (Guid networkId, Guid userId, ISender sender, CancellationToken ct) =>
                    await sender.Send(new Command(networkId, userId), ct) == Result.Revoked
                        ? Results.NoContent()
                        : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A network keeps at least one organiser."))
            .WithName("RevokeOrganiserRole")
            .WithSummary("Take the organiser role from a person (organisers, with two-factor sign-in); the last organiser stays.");
}
