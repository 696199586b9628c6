using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Organisations;

/// <summary>
/// Any signed-in person registers an organisation, without accreditation and without anyone's consent; they become
/// its first representative. It starts pending until verified.
/// </summary>
public static class RegisterOrganisation
{
    public sealed record Command(
        string? Name,
        string? CountryCode,
        string? RegionCode,
        string[]? Constituencies,
        string? Description,
        string? Website,
        string? ContactEmail,
        string? ContactPhone) : ICommand<Guid>, IOrganisationProfile, ISignedInRequest;

    public sealed class Validator(Db db, IStringLocalizer<OrganisationTerms> text) : OrganisationProfileValidator<Command>(db, text);

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        // Without a region, the country's own M49 sub-region is used, so regional filters find the organisation.
        const string InsertOrganisation = """
            INSERT INTO organisation (id, name, country_code, region_code, description, website, contact_email, contact_phone,
                                      status, created_at, search_text)
            VALUES (@Id, @Name, @CountryCode, COALESCE(@RegionCode, (SELECT region_code FROM country WHERE code = @CountryCode)),
                    @Description, @Website, @ContactEmail, @ContactPhone, 'pending', @Now, @SearchText)
            """;
        const string InsertRepresentative = """
            INSERT INTO organisation_member (organisation_id, user_id, role, joined_at)
            VALUES (@OrganisationId, @UserId, 'representative', @Now)
            """;

        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var id = Guid.CreateVersion7();
            var now = clock.GetUtcNow();
            var organisation = OrganisationProfileStorage.Parameters(id, command);
            organisation.Add("Now", now);
            await db.ExecuteAsync(InsertOrganisation, organisation, ct);
            await db.ReplaceConstituenciesAsync(id, command, ct);
            await db.ExecuteAsync(InsertRepresentative, new { OrganisationId = id, UserId = caller.RequiredUserId, Now = now }, ct);
            return id;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapPost("/", async (Command command, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(command, ct);
                return Results.Created($"/api/organisations/{id}", new { id });
            })
            .WithName("RegisterOrganisation")
            .WithSummary("Registers an organisation; the caller becomes its first representative.");
}
