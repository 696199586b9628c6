using Consultation.Web.Features.Submissions;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Organisations;

/// <summary>A representative rewrites the organisation's profile (status and verification are not theirs to change).</summary>
public static class EditOrganisationProfile
{
    public sealed record Command(
        Guid OrganisationId,
        string? Name,
        string? CountryCode,
        string? RegionCode,
        string[]? Constituencies,
        string? Description,
        string? Website,
        string? ContactEmail,
        string? ContactPhone) : ICommand, IOrganisationProfile, IOrganisationRepresentativeRequest;

    public sealed class Validator(Db db, IStringLocalizer<OrganisationTerms> text) : OrganisationProfileValidator<Command>(db, text);

    public sealed class Handler(Db db) : ICommandHandler<Command>
    {
        const string Update = """
            UPDATE organisation
            SET name = @Name, country_code = @CountryCode,
                region_code = COALESCE(@RegionCode, (SELECT region_code FROM country WHERE code = @CountryCode)),
                description = @Description, website = @Website, contact_email = @ContactEmail, contact_phone = @ContactPhone,
                search_text = @SearchText, version = version + 1
            WHERE id = @Id
            """;

        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            await db.ExecuteAsync(Update, OrganisationProfileStorage.Parameters(command.OrganisationId, command), ct);
            await db.ReplaceConstituenciesAsync(command.OrganisationId, command, ct);
            // Its country, region and constituencies are what submissions it signed are found by.
            db.AfterCommit(new SubmissionsChanged());
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapPut("/{organisationId:guid}", async (Guid organisationId, Command command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command with { OrganisationId = organisationId }, ct);
                return Results.NoContent();
            })
            .WithName("EditOrganisationProfile")
            .WithSummary("Replaces the organisation's profile (representatives only).");
}
