using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Networks;

/// <summary>An organiser removes a member organisation, giving a reason that goes into the audit log.</summary>
public static class RemoveMemberOrganisation
{
    public const int ReasonMaxLength = 1000;

    public sealed record Command(Guid NetworkId, Guid OrganisationId, string Reason) : ICommand<Unit>, INetworkOrganiserRequest;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<NetworkMessages> text)
        {
            RuleFor(c => c.NetworkId).NotEmpty();
            RuleFor(c => c.OrganisationId).NotEmpty();
            RuleFor(c => c.Reason).Cascade(CascadeMode.Stop)
                .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage(_ => text["Say why the organisation is removed."])
                .MaximumLength(ReasonMaxLength).WithMessage(_ => text["The reason may have at most {0} characters.", ReasonMaxLength]);
        }
    }

    public sealed class Handler(Db db, AuditLog audit) : ICommandHandler<Command, Unit>
    {
        const string RemoveSql = """
            DELETE FROM network_membership WHERE network_id = @NetworkId AND organisation_id = @OrganisationId AND status = 'member'
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            if (await db.ExecuteAsync(RemoveSql, c, ct) == 0)
            {
                throw new NotFoundException("The member organisation");
            }
            await audit.RecordAsync(NetworkAudit.MemberRemoved, NetworkAudit.ObjectType, c.NetworkId,
                new { c.OrganisationId, Reason = c.Reason.Trim() }, ct);
            return Unit.Value;
        }
    }

    public sealed record Body(string Reason);

    public static RouteHandlerBuilder Map(RouteGroupBuilder networks) =>
        networks.MapPost("/{networkId:guid}/members/{organisationId:guid}/removal",
                async (Guid networkId, Guid organisationId, Body body, ISender sender, CancellationToken ct) =>
                {
                    await sender.Send(new Command(networkId, organisationId, body.Reason), ct);
                    return Results.NoContent();
                })
            .WithName("RemoveMemberOrganisation")
            .WithSummary("Remove a member organisation, with a reason (organisers, with two-factor sign-in).");
}
