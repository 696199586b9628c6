using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Networks;

/// <summary>A representative asks for their organisation to join a network; its organisers then decide.</summary>
public static class RequestToJoinNetwork
{
    public sealed record Command(Guid NetworkId, Guid OrganisationId) : ICommand<Result>, IOrganisationRepresentativeRequest;

    public enum Result { Requested, AlreadyRequested, AlreadyMember }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<NetworkMessages> text)
        {
            RuleFor(c => c.NetworkId).NotEmpty();
            RuleFor(c => c.OrganisationId).NotEmpty().WithMessage(_ => text["Choose the organisation that asks to join."]);
        }
    }

    public sealed class Handler(Db db, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        const string NetworkExistsSql = "SELECT 1 FROM network WHERE id = @NetworkId";
        // A declined organisation may ask again: its old answer is replaced by a fresh request.
        const string RequestSql = """
            INSERT INTO network_membership (network_id, organisation_id, status, requested_at)
            VALUES (@NetworkId, @OrganisationId, 'requested', @Now)
            ON CONFLICT (network_id, organisation_id) DO UPDATE
                SET status = 'requested', requested_at = @Now, decided_at = NULL, decided_by = NULL
                WHERE network_membership.status = 'declined'
            """;
        const string StatusSql = "SELECT status FROM network_membership WHERE network_id = @NetworkId AND organisation_id = @OrganisationId";

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            if (!await db.ExistsAsync(NetworkExistsSql, c, ct))
            {
                throw new NotFoundException("The network");
            }
            if (await db.ExecuteAsync(RequestSql, new { c.NetworkId, c.OrganisationId, Now = clock.GetUtcNow() }, ct) == 1)
            {
                return Result.Requested;
            }
            return await db.ExecuteScalarAsync<string>(StatusSql, c, ct) == "member" ? Result.AlreadyMember : Result.AlreadyRequested;
        }
    }

    public sealed record Body(Guid OrganisationId);

    public static RouteHandlerBuilder Map(RouteGroupBuilder networks) =>
        networks.MapPost("/{networkId:guid}/requests", async (Guid networkId, Body body, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(networkId, body.OrganisationId), ct) switch
                {
                    Result.Requested => Results.Accepted(),
                    Result.AlreadyRequested => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The organisation has already asked to join."),
                    _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The organisation is already a member."),
                })
            .WithName("RequestToJoinNetwork")
            .WithSummary("Ask, as a representative of an organisation, for it to join the network.");
}
