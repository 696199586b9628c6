using Consultation.Web.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Organisations;

/// <summary>What an organisation says about itself: the fields registration and editing share.</summary>
public interface IOrganisationProfile
{
    const int DescriptionMaxLength = 5000;

    string? Name { get; }
    string? CountryCode { get; }
    string? RegionCode { get; }
    string[]? Constituencies { get; }
    string? Description { get; }
    string? Website { get; }
    string? ContactEmail { get; }
    string? ContactPhone { get; }
}

/// <summary>The profile rules, checked before anything is written.</summary>
public abstract class OrganisationProfileValidator<T> : AbstractValidator<T> where T : IOrganisationProfile
{
    const string CountryExists = "SELECT 1 FROM country WHERE code = @Code";
    const string RegionExists = "SELECT 1 FROM region WHERE code = @Code";
    // A region contains a country when it is the country's sub-region or any region above it.
    const string RegionContainsCountry = """
        WITH RECURSIVE above (code) AS (
            SELECT region_code FROM country WHERE code = @CountryCode
            UNION ALL
            SELECT r.parent_code FROM region r JOIN above a ON r.code = a.code WHERE r.parent_code IS NOT NULL)
        SELECT 1 FROM above WHERE code = @RegionCode
        """;

    protected OrganisationProfileValidator(Db db, IStringLocalizer<OrganisationTerms> text)
    {
        RuleFor(p => p.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Enter the organisation's name."])
            .Must(name => name!.Trim().Length is >= 2 and <= 200).WithMessage(_ => text["The name must be 2 to 200 characters long."]);
        RuleFor(p => p.CountryCode)
            .MustAsync((code, ct) => db.ExistsAsync(CountryExists, new { Code = code }, ct))
            .When(p => !string.IsNullOrEmpty(p.CountryCode)).WithMessage(_ => text["Choose a country from the list."]);
        RuleFor(p => p.RegionCode).Cascade(CascadeMode.Stop)
            .MustAsync((code, ct) => db.ExistsAsync(RegionExists, new { Code = code }, ct)).WithMessage(_ => text["Choose a region from the list."])
            .MustAsync(async (p, _, ct) => string.IsNullOrEmpty(p.CountryCode) || await db.ExistsAsync(RegionContainsCountry, new { p.CountryCode, p.RegionCode }, ct))
            .WithMessage(_ => text["The chosen country is not in this region."])
            .When(p => !string.IsNullOrEmpty(p.RegionCode));
        RuleFor(p => p.Constituencies).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Choose at least one constituency."])
            .Must(list => list!.All(Organisations.Constituencies.IsKnown)).WithMessage(_ => text["Choose constituencies from the list only."]);
        RuleFor(p => p.Description).MaximumLength(IOrganisationProfile.DescriptionMaxLength)
            .WithMessage(_ => text["The description may be at most {0} characters long.", IOrganisationProfile.DescriptionMaxLength]);
        RuleFor(p => p.Website).Cascade(CascadeMode.Stop)
            .MaximumLength(500).WithMessage(_ => text["The website address may be at most 500 characters long."])
            .Must(IsAbsoluteHttpUrl).WithMessage(_ => text["Enter the website as a full address starting with https:// or http://."])
            .When(p => !string.IsNullOrWhiteSpace(p.Website));
        RuleFor(p => p.ContactEmail).Cascade(CascadeMode.Stop)
            .MaximumLength(254).WithMessage(_ => text["The email address may be at most 254 characters long."])
            .EmailAddress().WithMessage(_ => text["Enter a valid email address."])
            .When(p => !string.IsNullOrWhiteSpace(p.ContactEmail));
        RuleFor(p => p.ContactPhone)
            .Matches(@"^\+?[0-9 ()./-]{3,40}$").WithMessage(_ => text["Enter a phone number of digits, spaces and + ( ) . / - only."])
            .When(p => !string.IsNullOrWhiteSpace(p.ContactPhone));
    }

    static bool IsAbsoluteHttpUrl(string? text) =>
        Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>How a validated profile is stored: trimmed, empty text as NULL, and the lower-cased search text.</summary>
public static class OrganisationProfileStorage
{
    const string CurrentConstituencies = "SELECT constituency FROM organisation_constituency WHERE organisation_id = @OrganisationId";
    const string DeleteConstituency = "DELETE FROM organisation_constituency WHERE organisation_id = @OrganisationId AND constituency = @Constituency";
    const string InsertConstituency = """
        INSERT INTO organisation_constituency (organisation_id, constituency) VALUES (@OrganisationId, @Constituency)
        """;

    /// <summary>Parameters @Id, @Name, @CountryCode, @RegionCode, @Description, @Website, @ContactEmail, @ContactPhone, @SearchText.</summary>
    public static DynamicParameters Parameters(Guid id, IOrganisationProfile profile)
    {
        var name = profile.Name!.Trim();
        var description = profile.Description?.Trim() ?? "";
        return new DynamicParameters(new
        {
            Id = id,
            Name = name,
            CountryCode = OrNull(profile.CountryCode),
            RegionCode = OrNull(profile.RegionCode),
            Description = description,
            Website = OrNull(profile.Website),
            ContactEmail = OrNull(profile.ContactEmail),
            ContactPhone = OrNull(profile.ContactPhone),
            SearchText = (name + "\n" + description).ToLowerInvariant(),
        });
    }

    /// <summary>
    /// Writes only what changed: each constituency row added or removed makes the search lists of every submission the
    /// organisation signed be worked out again (submission_facet, 0025), so a profile edit that keeps them costs nothing.
    /// </summary>
    public static async Task ReplaceConstituenciesAsync(this Db db, Guid organisationId, IOrganisationProfile profile, CancellationToken ct)
    {
        var current = await db.QueryAsync<string>(CurrentConstituencies, new { OrganisationId = organisationId }, ct);
        var wanted = profile.Constituencies!.Distinct().ToList();
        await db.ExecuteAsync(DeleteConstituency,
            current.Except(wanted).Select(c => new { OrganisationId = organisationId, Constituency = c }).ToList(), ct);
        await db.ExecuteAsync(InsertConstituency,
            wanted.Except(current).Select(c => new { OrganisationId = organisationId, Constituency = c }).ToList(), ct);
    }

    static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
