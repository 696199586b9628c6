using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Text;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Consultations;

/// <summary>
/// A network's organiser, or a verified organisation's representative, opens a consultation in draft: nobody else
/// sees it until it is opened.
/// </summary>
public static class CreateConsultation
{
    /// <summary>Exactly one owner: the network or the organisation that runs the consultation.</summary>
    public sealed record Command(Guid? NetworkId, Guid? OrganisationId, ConsultationDetails Details) : ICommand<Created>, ISignedInRequest;

    public sealed record Created(Guid Id);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ConsultationDetails.Validator details, IStringLocalizer<ConsultationMessages> text)
        {
            RuleFor(c => c.NetworkId).Must((c, network) => (network is not null) != (c.OrganisationId is not null))
                .WithMessage(_ => text["Choose either the network or the organisation that runs the consultation."]);
            RuleFor(c => c.Details).NotNull().SetValidator(details);
        }
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, AuditLog audit, MarkdownRenderer markdown, TimeProvider clock)
        : ICommandHandler<Command, Created>
    {
        const string InsertSql = """
            INSERT INTO consultation (id, network_id, organisation_id, title, description, description_html, scope, country_code,
                region_code, feeds_report, opens_at, closes_at, pre_moderation, created_by, created_at)
            VALUES (@Id, @NetworkId, @OrganisationId, @Title, @Description, @DescriptionHtml, @Scope, @CountryCode,
                @RegionCode, @FeedsReport, @OpensAt, @ClosesAt, @PreModeration, @UserId, @Now)
            """;

        public async ValueTask<Created> Handle(Command c, CancellationToken ct)
        {
            var userId = caller.RequiredUserId;
            await ConsultationAuthority.RequireMayManageAsync(rules, db, userId, c.NetworkId, c.OrganisationId, ct);
            var id = Guid.CreateVersion7();
            var row = c.Details.Row(markdown.ToSafeHtml(c.Details.Description ?? ""));
            row.Add("Id", id);
            row.Add("NetworkId", c.NetworkId);
            row.Add("OrganisationId", c.NetworkId is null ? c.OrganisationId : null);
            row.Add("UserId", userId);
            row.Add("Now", clock.GetUtcNow());
            await db.ExecuteAsync(InsertSql, row, ct);
            await audit.RecordAsync("consultation.created", "consultation", id, new { c.NetworkId, c.OrganisationId, c.Details.Title }, ct);
            return new Created(id);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder consultations) =>
        consultations.MapPost("/", async (Command command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return Results.Created($"/api/consultations/{created.Id}", created);
            })
            .WithName("CreateConsultation")
            .WithSummary("Create a consultation in draft, for a network (organisers) or a verified organisation (representatives).");
}
