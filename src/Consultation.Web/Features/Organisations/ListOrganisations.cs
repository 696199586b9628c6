using System.Text.Json.Serialization;
using Consultation.Web.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Organisations;

/// <summary>
/// The public directory: filters and a search over name and description, a page at a time. Only public fields:
/// contacts and members never appear here, whoever asks.
/// </summary>
public static class ListOrganisations
{
    public const int PageSize = 20;
    public static readonly string[] Statuses = ["pending", "verified", "suspended"];

    /// <summary>
    /// The query-string names (q, country, region, constituency, status, pageNumber) are the shareable URL, the same
    /// for the page and the API ("page" is taken: Razor Pages routes by it).
    /// </summary>
    public sealed record Query(string? Q, string? Country, string? Region, string? Constituency, string? Status, int? PageNumber) : IQuery<Result>
    {
        public int CurrentPage => PageNumber ?? 1;
    }

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed record Item
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? CountryCode { get; init; }
        public string? CountryName { get; init; }
        public string? RegionCode { get; init; }
        public string Description { get; init; } = "";
        public string Status { get; init; } = "";
        public IReadOnlyList<string> Constituencies { get; init; } = [];

        /// <summary>How many organisations match in all (the same on every row of the page).</summary>
        [JsonIgnore]
        public int Total { get; init; }
    }

    sealed record Tag
    {
        public Guid OrganisationId { get; init; }
        public string Constituency { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<OrganisationTerms> text)
        {
            RuleFor(q => q.Q).MaximumLength(200).WithMessage(_ => text["Search for at most 200 characters."]);
            RuleFor(q => q.Country).MaximumLength(3).WithMessage(_ => text["Choose a country from the list."]);
            RuleFor(q => q.Region).MaximumLength(3).WithMessage(_ => text["Choose a region from the list."]);
            RuleFor(q => q.Constituency).Must(Constituencies.IsKnown).When(q => !string.IsNullOrEmpty(q.Constituency))
                .WithMessage(_ => text["Choose a constituency from the list."]);
            RuleFor(q => q.Status).Must(s => Statuses.Contains(s)).When(q => !string.IsNullOrEmpty(q.Status))
                .WithMessage(_ => text["Choose pending, verified or suspended."]);
            RuleFor(q => q.PageNumber).InclusiveBetween(1, 100_000).WithMessage(_ => text["The page number must be 1 or more."]);
        }
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, Result>
    {
        // A region filter takes in every region below it (Africa finds Eastern Africa), through M49's parent links.
        const string Sql = """
            WITH RECURSIVE within (code) AS (
                SELECT code FROM region WHERE code = @Region
                UNION ALL
                SELECT r.code FROM region r JOIN within w ON r.parent_code = w.code)
            SELECT o.id AS Id, o.name AS Name, o.country_code AS CountryCode, c.name AS CountryName,
                   o.region_code AS RegionCode, o.description AS Description, o.status AS Status, COUNT(*) OVER () AS Total
            FROM organisation o
            LEFT JOIN country c ON c.code = o.country_code
            WHERE (@Country IS NULL OR o.country_code = @Country)
              AND (@Region IS NULL OR o.region_code IN (SELECT code FROM within))
              AND (@Status IS NULL OR o.status = @Status)
              AND (@Constituency IS NULL OR EXISTS (SELECT 1 FROM organisation_constituency oc
                                                   WHERE oc.organisation_id = o.id AND oc.constituency = @Constituency))
              AND (@Pattern IS NULL OR o.search_text LIKE @Pattern ESCAPE '\')
            ORDER BY o.name, o.id
            LIMIT @Take OFFSET @Skip
            """;
        // Dapper expands "IN @Ids" into one parameter per id on SQLite, but sends one array to PostgreSQL.
        const string SqliteTagsSql = """
            SELECT organisation_id AS OrganisationId, constituency AS Constituency
            FROM organisation_constituency WHERE organisation_id IN @Ids ORDER BY constituency
            """;
        const string PostgresTagsSql = """
            SELECT organisation_id AS OrganisationId, constituency AS Constituency
            FROM organisation_constituency WHERE organisation_id = ANY(@Ids) ORDER BY constituency
            """;

        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var rows = await db.QueryAsync<Item>(Sql, new
            {
                Country = Blank(query.Country),
                Region = Blank(query.Region),
                Status = Blank(query.Status),
                Constituency = Blank(query.Constituency),
                Pattern = Blank(query.Q) is { } q ? "%" + Escape(q.Trim().ToLowerInvariant()) + "%" : null,
                Take = PageSize,
                Skip = (query.CurrentPage - 1) * PageSize,
            }, ct);
            var tags = rows.Count == 0 ? [] : await db.QueryAsync<Tag>(db.Dialect == Dialect.Sqlite ? SqliteTagsSql : PostgresTagsSql, new { Ids = rows.Select(r => r.Id).ToArray() }, ct);
            var items = rows.Select(r => r with
            {
                Constituencies = tags.Where(t => t.OrganisationId == r.Id).Select(t => t.Constituency).ToList(),
            }).ToList();
            return new Result(items, rows.FirstOrDefault()?.Total ?? 0, query.CurrentPage, PageSize);
        }

        static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        static string Escape(string text) =>
            text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder organisations) =>
        organisations.MapGet("/", async ([AsParameters] Query query, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(query, ct)))
            .WithName("ListOrganisations")
            .WithSummary("The public directory: filter by country, region, constituency and status; search name and description.");
}
