using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Networks;

/// <summary>
/// A representative of a verified organisation founds a network: they become its first organiser and the founding
/// organisation its first member.
/// </summary>
public static class CreateNetwork
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 4000;

    public sealed record Command(Guid OrganisationId, string Name, string? Description)
        : ICommand<Created>, IOrganisationRepresentativeRequest;

    public sealed record Created(Guid Id);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<NetworkMessages> text)
        {
            RuleFor(c => c.OrganisationId).NotEmpty().WithMessage(_ => text["Choose the organisation that founds the network."]);
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .Must(name => name?.Trim().Length >= 3).WithMessage(_ => text["Give the network a name of at least 3 characters."])
                .MaximumLength(NameMaxLength).WithMessage(_ => text["The name may have at most {0} characters.", NameMaxLength]);
            RuleFor(c => c.Description).MaximumLength(DescriptionMaxLength)
                .WithMessage(_ => text["The description may have at most {0} characters.", DescriptionMaxLength]);
        }
    }

    public sealed class Handler(Db db, Caller caller, AuditLog audit, TimeProvider clock) : ICommandHandler<Command, Created>
    {
        const string OrganisationStatusSql = "SELECT status FROM organisation WHERE id = @OrganisationId";
        const string InsertSql = """
            INSERT INTO network (id, name, description, founding_organisation_id, created_at)
            VALUES (@Id, @Name, @Description, @OrganisationId, @Now);
            INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@Id, @UserId, @Now);
            INSERT INTO network_membership (network_id, organisation_id, status, requested_at, decided_at, decided_by)
            VALUES (@Id, @OrganisationId, 'member', @Now, @Now, @UserId);
            """;

        public async ValueTask<Created> Handle(Command c, CancellationToken ct)
        {
            // Verification is what other organisations vouch for; a network speaks for its members, so it needs it.
            if (await db.ExecuteScalarAsync<string>(OrganisationStatusSql, c, ct) != "verified")
            {
                throw new AccessDeniedException("Only a verified organisation may found a network.");
            }
            var id = Guid.CreateVersion7();
            var name = c.Name.Trim();
            await db.ExecuteAsync(InsertSql, new
            {
                Id = id,
                Name = name,
                Description = c.Description?.Trim() ?? "",
                c.OrganisationId,
                UserId = caller.RequiredUserId,
                Now = clock.GetUtcNow(),
            }, ct);
            await audit.RecordAsync(NetworkAudit.Created, NetworkAudit.ObjectType, id, new { c.OrganisationId, Name = name }, ct);
            return new Created(id);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder networks) =>
        networks.MapPost("/", async (Command command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return Results.Created($"/api/networks/{created.Id}", created);
            })
            .WithName("CreateNetwork")
            .WithSummary("Found a network as a representative of a verified organisation.");
}
