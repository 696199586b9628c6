using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Email;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Organisations;

/// <summary>
/// A representative invites someone by email. The link carries a one-time token valid for 14 days; whoever opens it
/// signed in (with any address) joins, since holding the token is the proof.
/// </summary>
public static class InviteMember
{
    public static readonly string[] Roles = ["member", "representative"];

    public sealed record Command(Guid OrganisationId, string? Email, string? Role) : ICommand<Result>, IOrganisationRepresentativeRequest;

    public sealed record Result(Guid InvitationId, DateTimeOffset ExpiresAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<OrganisationTerms> text)
        {
            RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Enter the email address to invite."])
                .MaximumLength(254).WithMessage(_ => text["The email address may be at most 254 characters long."])
                .EmailAddress().WithMessage(_ => text["Enter a valid email address."]);
            RuleFor(c => c.Role).Must(r => Roles.Contains(r)).WithMessage(_ => text["Choose member or representative."]);
        }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock, PublicLinks links) : ICommandHandler<Command, Result>
    {
        const string Insert = """
            INSERT INTO organisation_invitation (id, organisation_id, email, role, token_hash, invited_by, created_at, expires_at)
            VALUES (@Id, @OrganisationId, @Email, @Role, @TokenHash, @InvitedBy, @Now, @ExpiresAt)
            """;
        const string NameSql = "SELECT name FROM organisation WHERE id = @OrganisationId";

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var token = InvitationToken.New();
            var now = clock.GetUtcNow();
            var invitation = new Result(Guid.CreateVersion7(), now + InvitationToken.Lifetime);
            var email = command.Email!.Trim();
            await db.ExecuteAsync(Insert, new
            {
                Id = invitation.InvitationId,
                command.OrganisationId,
                Email = email,
                command.Role,
                TokenHash = InvitationToken.Hash(token),
                InvitedBy = caller.RequiredUserId,
                Now = now,
                invitation.ExpiresAt,
            }, ct);
            var name = await db.ExecuteScalarAsync<string>(NameSql, command, ct);
            var link = links.To($"/Organisations/Invitations/Accept?token={token}");
            db.AfterCommit(new OutgoingEmail(email, $"Invitation to join {name} on Consultation",
                $"""
                You have been invited to join {name} as a {command.Role} on Consultation.

                To accept, sign in (or create an account with any email address) and open this link within 14 days:
                {link}

                If you did not expect this invitation, ignore this message.
                """));
            return invitation;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapPost("/{organisationId:guid}/invitations", async (Guid organisationId, Command command, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(command with { OrganisationId = organisationId }, ct)))
            .WithName("InviteMember")
            .WithSummary("Emails a one-time invitation link valid for 14 days (representatives only).");
}
