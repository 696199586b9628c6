using Consultation.Web.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Consultations;

/// <summary>What an organiser writes about a consultation, when creating it and when editing it.</summary>
public sealed record ConsultationDetails
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20000;
    public const int FeedsReportMaxLength = 200;
    public static readonly string[] Scopes = ["country", "region", "global"];

    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Scope { get; init; }
    public string? CountryCode { get; init; }
    public string? RegionCode { get; init; }
    public string? FeedsReport { get; init; }
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public bool PreModeration { get; init; }

    /// <summary>The stored values: trimmed, and only the code the scope uses.</summary>
    public DynamicParameters Row(string descriptionHtml) => new(new
    {
        Title = Title!.Trim(),
        Description = Description?.Trim() ?? "",
        DescriptionHtml = descriptionHtml,
        Scope,
        CountryCode = Scope == "country" ? CountryCode!.Trim().ToUpperInvariant() : null,
        RegionCode = Scope == "region" ? RegionCode!.Trim() : null,
        FeedsReport = FeedsReport?.Trim() ?? "",
        OpensAt = OpensAt.ToUniversalTime(),
        ClosesAt = ClosesAt.ToUniversalTime(),
        PreModeration,
    });

    public sealed class Validator : AbstractValidator<ConsultationDetails>
    {
        const string CountryExistsSql = "SELECT 1 FROM country WHERE code = @Code";
        const string RegionExistsSql = "SELECT 1 FROM region WHERE code = @Code";

        public Validator(Db db, IStringLocalizer<ConsultationMessages> text)
        {
            RuleFor(d => d.Title).Cascade(CascadeMode.Stop)
                .Must(title => title?.Trim().Length >= 3).WithMessage(_ => text["Give the consultation a title of at least 3 characters."])
                .MaximumLength(TitleMaxLength).WithMessage(_ => text["The title may have at most {0} characters.", TitleMaxLength]);
            RuleFor(d => d.Description).MaximumLength(DescriptionMaxLength)
                .WithMessage(_ => text["The description may have at most {0} characters.", DescriptionMaxLength]);
            RuleFor(d => d.FeedsReport).MaximumLength(FeedsReportMaxLength)
                .WithMessage(_ => text["The report's name may have at most {0} characters.", FeedsReportMaxLength]);
            RuleFor(d => d.Scope).Must(scope => Scopes.Contains(scope))
                .WithMessage(_ => text["Choose a country, a region or global as the scope."]);
            RuleFor(d => d.CountryCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Choose the country."])
                .MustAsync((code, ct) => db.ExistsAsync(CountryExistsSql, new { Code = code!.Trim().ToUpperInvariant() }, ct))
                .WithMessage(_ => text["Choose a country from the list."])
                .When(d => d.Scope == "country");
            RuleFor(d => d.RegionCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Choose the region."])
                .MustAsync((code, ct) => db.ExistsAsync(RegionExistsSql, new { Code = code!.Trim() }, ct))
                .WithMessage(_ => text["Choose a region from the list."])
                .When(d => d.Scope == "region");
            RuleFor(d => d.OpensAt).NotEmpty().WithMessage(_ => text["Give the opening time."]);
            RuleFor(d => d.ClosesAt).GreaterThan(d => d.OpensAt).WithMessage(_ => text["The consultation must close after it opens."]);
        }
    }
}
