using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Organisations;

/// <summary>A representative makes a member a representative, or a representative a member (never the last one).</summary>
public static class ChangeMemberRole
{
    public sealed record Command(Guid OrganisationId, Guid UserId, string? Role) : ICommand<MembershipChange>, IOrganisationRepresentativeRequest;

    public sealed record Body(string? Role);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<OrganisationTerms> text) => RuleFor(c => c.Role).Must(r => InviteMember.Roles.Contains(r)).WithMessage(_ => text["Choose member or representative."]);
    }

    public sealed class Handler(Db db) : ICommandHandler<Command, MembershipChange>
    {
        public async ValueTask<MembershipChange> Handle(Command command, CancellationToken ct) =>
            await db.ChangeMemberRoleAsync(command.OrganisationId, command.UserId, command.Role!, ct);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapPut("/{organisationId:guid}/members/{userId:guid}/role",
                async (Guid organisationId, Guid userId, Body body, ISender sender, CancellationToken ct) =>
                    MembershipResults.ToHttp(await sender.Send(new Command(organisationId, userId, body.Role), ct)))
            .WithName("ChangeMemberRole")
            .WithSummary("Sets a member's role (representatives only; the last representative cannot be demoted).");
}
