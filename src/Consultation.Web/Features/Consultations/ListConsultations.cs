using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using Dapper;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Consultations;

/// <summary>The public list of consultations (never drafts), filtered and a page at a time.</summary>
public static class ListConsultations
{
    public const int PageSize = 20;
    public const int SearchMaxLength = 100;
    public static readonly string[] PublicStatuses = ["open", "closed", "synthesised"];

    public sealed record Query(string? Status, string? Country, string? Region, Guid? Network, string? Search, int Page = 1)
        : IQuery<Paged<Item>>;

    public sealed record Item
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public string Scope { get; init; } = "";
        public string? CountryName { get; init; }
        public string? RegionName { get; init; }
        public string? NetworkName { get; init; }
        public string? OrganisationName { get; init; }
        public string FeedsReport { get; init; } = "";
        public DateTimeOffset OpensAt { get; init; }
        public DateTimeOffset ClosesAt { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<ConsultationMessages> text)
        {
            RuleFor(q => q.Status).Must(status => PublicStatuses.Contains(status))
                .When(q => !string.IsNullOrEmpty(q.Status)).WithMessage(_ => text["The status is one of open, closed or synthesised."]);
            RuleFor(q => q.Search).MaximumLength(SearchMaxLength).WithMessage(_ => text["Search for at most {0} characters.", SearchMaxLength]);
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage(_ => text["Pages are numbered from 1."]);
        }
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, Paged<Item>>
    {
        // LOWER on both sides: LIKE ignores case in SQLite but not in PostgreSQL. The pattern's own % and _ are escaped.
        const string Matching = """
            FROM consultation c
            LEFT JOIN country co ON co.code = c.country_code
            LEFT JOIN region r ON r.code = c.region_code
            LEFT JOIN network n ON n.id = c.network_id
            LEFT JOIN organisation o ON o.id = c.organisation_id
            WHERE c.status <> 'draft'
              AND (@Status IS NULL OR c.status = @Status)
              AND (@Country IS NULL OR c.country_code = @Country)
              AND (@Region IS NULL OR c.region_code = @Region)
              AND (@Network IS NULL OR c.network_id = @Network)
              AND (@Pattern IS NULL OR LOWER(c.title) LIKE @Pattern ESCAPE '\')
            """;
        const string Sql = $"""
            SELECT COUNT(*) {Matching};
            SELECT c.id AS Id, c.title AS Title, c.status AS Status, c.scope AS Scope, co.name AS CountryName, r.name AS RegionName,
                   n.name AS NetworkName, o.name AS OrganisationName, c.feeds_report AS FeedsReport,
                   c.opens_at AS OpensAt, c.closes_at AS ClosesAt
            {Matching}
            ORDER BY c.closes_at DESC, c.id
            LIMIT @Take OFFSET @Skip;
            """;

        public async ValueTask<Paged<Item>> Handle(Query q, CancellationToken ct)
        {
            var search = q.Search?.Trim();
            var pattern = string.IsNullOrEmpty(search)
                ? null
                : "%" + search.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                    .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            using var results = await db.QueryMultipleAsync(Sql, new
            {
                Status = string.IsNullOrEmpty(q.Status) ? null : q.Status,
                Country = string.IsNullOrWhiteSpace(q.Country) ? null : q.Country.Trim().ToUpperInvariant(),
                Region = string.IsNullOrWhiteSpace(q.Region) ? null : q.Region.Trim(),
                q.Network,
                Pattern = pattern,
                Take = PageSize,
                Skip = (q.Page - 1) * PageSize,
            }, ct);
            var total = await results.ReadSingleAsync<long>();
            return new Paged<Item>((await results.ReadAsync<Item>()).AsList(), q.Page, PageSize, total);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder consultations) =>
        consultations.MapGet("/", async (string? status, string? country, string? region, Guid? network, string? search, int? page,
                ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Query(status, country, region, network, search, page ?? 1), ct)))
            .WithName("ListConsultations")
            .WithSummary("Open, closed and synthesised consultations, filtered by status, country, region, network or title, 20 to a page.");
}
