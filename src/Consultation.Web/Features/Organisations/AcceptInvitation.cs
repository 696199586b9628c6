using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Organisations;

/// <summary>The signed-in holder of an invitation token joins the organisation in the invited role; the token then dies.</summary>
public static class AcceptInvitation
{
    public sealed record Command(string? Token) : ICommand<Result>, ISignedInRequest;

    public enum Outcome { Joined, Expired, AlreadyUsed }

    public sealed record Result(Outcome Outcome, Guid OrganisationId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<OrganisationTerms> text) =>
            RuleFor(c => c.Token).NotEmpty().MaximumLength(100).WithMessage(_ => text["The invitation link is incomplete."]);
    }

    sealed record Invitation
    {
        public Guid Id { get; init; }
        public Guid OrganisationId { get; init; }
        public string Role { get; init; } = "";
        public DateTimeOffset ExpiresAt { get; init; }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        const string Find = """
            SELECT id AS Id, organisation_id AS OrganisationId, role AS Role, expires_at AS ExpiresAt
            FROM organisation_invitation WHERE token_hash = @TokenHash
            """;
        // Conditional, so two simultaneous acceptances of one link cannot both succeed.
        const string MarkAccepted = "UPDATE organisation_invitation SET accepted_at = @Now WHERE id = @Id AND accepted_at IS NULL";
        // An existing member keeps their place; an invitation as representative promotes them.
        const string Join = """
            INSERT INTO organisation_member (organisation_id, user_id, role, joined_at)
            VALUES (@OrganisationId, @UserId, @Role, @Now)
            ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = excluded.role WHERE excluded.role = 'representative'
            """;

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var invitation = await db.QuerySingleOrDefaultAsync<Invitation>(Find, new { TokenHash = InvitationToken.Hash(command.Token!) }, ct)
                ?? throw new NotFoundException("The invitation");
            var now = clock.GetUtcNow();
            if (invitation.ExpiresAt <= now)
            {
                return new Result(Outcome.Expired, invitation.OrganisationId);
            }
            if (await db.ExecuteAsync(MarkAccepted, new { invitation.Id, Now = now }, ct) == 0)
            {
                return new Result(Outcome.AlreadyUsed, invitation.OrganisationId);
            }
            await db.ExecuteAsync(Join, new { invitation.OrganisationId, UserId = caller.RequiredUserId, invitation.Role, Now = now }, ct);
            return new Result(Outcome.Joined, invitation.OrganisationId);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapPost("/invitations/accept", async (Command command, ISender sender, CancellationToken ct) =>
                await sender.Send(command, ct) is var result && result.Outcome == Outcome.Joined
                    ? Results.Ok(result)
                    : Results.Problem(statusCode: StatusCodes.Status410Gone,
                        title: result.Outcome == Outcome.Expired ? "This invitation has expired." : "This invitation has already been used."))
            .WithName("AcceptInvitation")
            .WithSummary("Joins the organisation with the token from an invitation email.");
}
