using System.Text;
using System.Text.Json.Serialization;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// Finds submitted positions: full text over title, summary and body (FTS5 on SQLite, tsvector on PostgreSQL), and
/// filters on consultation, tags, language and the signatories (country, region at any level, constituency).
/// Ranked by relevance when searching, else newest first; hidden submissions never appear.
/// </summary>
public static class SearchSubmissions
{
    public const int PageSize = 20;

    /// <summary>
    /// The query-string names are the shareable URL, the same for the page and the API ("page" is taken by Razor
    /// Pages, hence pageNumber).
    /// </summary>
    public sealed record Query(
        string? Q, Guid? Consultation, string? Priority, int? Objective, string? Country, string? Region,
        string? Constituency, string? Language, string? Status, int? PageNumber) : IQuery<Result>
    {
        public int CurrentPage => PageNumber ?? 1;
    }

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed record Item
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string Language { get; init; } = "";
        public string Status { get; init; } = "";
        public Guid LeadOrganisationId { get; init; }
        public string LeadOrganisationName { get; init; } = "";
        public int SignatoryCount { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
        public IReadOnlyList<string> Priorities { get; init; } = [];
        public IReadOnlyList<int> Objectives { get; init; } = [];

        [JsonIgnore]
        public int Total { get; init; }
    }

    sealed record Tag
    {
        public Guid SubmissionId { get; init; }
        public string? Priority { get; init; }
        public int? Objective { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<CoSigningTerms> text)
        {
            RuleFor(q => q.Q).MaximumLength(200).WithMessage(_ => text["Search for at most 200 characters."]);
            RuleFor(q => q.Priority).Matches("^P[0-9]{2}$").When(q => !string.IsNullOrEmpty(q.Priority))
                .WithMessage(_ => text["Choose a priority from the list."]);
            RuleFor(q => q.Objective).InclusiveBetween(1, 23).WithMessage(_ => text["Choose an objective from the list."]);
            RuleFor(q => q.Country).Matches("^[A-Z]{2}$").When(q => !string.IsNullOrEmpty(q.Country))
                .WithMessage(_ => text["Choose a country from the list."]);
            RuleFor(q => q.Region).Matches("^[0-9]{3}$").When(q => !string.IsNullOrEmpty(q.Region))
                .WithMessage(_ => text["Choose a region from the list."]);
            RuleFor(q => q.Constituency).Must(Constituencies.IsKnown).When(q => !string.IsNullOrEmpty(q.Constituency))
                .WithMessage(_ => text["Choose a constituency from the list."]);
            RuleFor(q => q.Language).Matches("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$").When(q => !string.IsNullOrEmpty(q.Language))
                .WithMessage(_ => text["Write a language code such as en or fr."]);
            RuleFor(q => q.Status).Must(s => s is "submitted" or "withdrawn").When(q => !string.IsNullOrEmpty(q.Status))
                .WithMessage(_ => text["Choose submitted or withdrawn."]);
            RuleFor(q => q.PageNumber).InclusiveBetween(1, 100_000).WithMessage(_ => text["The page number must be 1 or more."]);
        }
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, Result>
    {
        // The statement is put together from these fixed pieces, one per filter given, so that each engine plans the
        // query with exactly the indexes it needs (a catch-all "@X IS NULL OR ..." hides them from the planner).
        // User input only ever travels as parameters.
        const string RegionTree = """
            WITH RECURSIVE within (code) AS (
                SELECT code FROM region WHERE code = @Region
                UNION ALL
                SELECT r.code FROM region r JOIN within w ON r.parent_code = w.code)

            """;
        const string Columns = """
            SELECT s.id AS Id, s.title AS Title, s.summary AS Summary, s.language AS Language, s.status AS Status,
                   s.organisation_id AS LeadOrganisationId, lead.name AS LeadOrganisationName, s.submitted_at AS SubmittedAt,
                   (SELECT COUNT(*) FROM submission_signatory c WHERE c.submission_id = s.id AND c.status = 'signed') AS SignatoryCount,
                   COUNT(*) OVER () AS Total

            """;
        // CROSS JOIN fixes SQLite's join order: start from the FTS5 matches, then look the few rows up by key (left to
        // itself, the planner may walk every submitted row and probe the FTS table for each).
        const string SqliteTextMatch = """
            FROM submission_search
            CROSS JOIN submission_search_key k ON k.key = submission_search.rowid
            CROSS JOIN submission s ON s.id = k.submission_id
            JOIN organisation lead ON lead.id = s.organisation_id
            WHERE submission_search MATCH @Match AND s.status = @Status AND s.hidden = @False

            """;
        const string PostgresTextMatch = """
            FROM submission s
            JOIN organisation lead ON lead.id = s.organisation_id
            WHERE s.search @@ websearch_to_tsquery('simple', @Q) AND s.status = @Status AND s.hidden = @False

            """;
        const string NoTextMatch = """
            FROM submission s
            JOIN organisation lead ON lead.id = s.organisation_id
            WHERE s.status = @Status AND s.hidden = @False

            """;
        const string ConsultationFilter = "  AND s.consultation_id = @Consultation\n";
        const string LanguageFilter = "  AND s.language = @Language\n";
        const string PriorityFilter = "  AND EXISTS (SELECT 1 FROM submission_priority p WHERE p.submission_id = s.id AND p.priority_code = @Priority)\n";
        const string ObjectiveFilter = "  AND EXISTS (SELECT 1 FROM submission_objective g WHERE g.submission_id = s.id AND g.objective_number = @Objective)\n";
        // Signatory filters look at signed organisations only: an invitation says nothing about who stands behind it.
        const string CountryFilter = """
              AND EXISTS (SELECT 1 FROM submission_signatory ss JOIN organisation o ON o.id = ss.organisation_id
                          WHERE ss.submission_id = s.id AND ss.status = 'signed' AND o.country_code = @Country)

            """;
        // An organisation is in a region through its own region or, when it gave none, through its country's.
        const string RegionFilter = """
              AND EXISTS (SELECT 1 FROM submission_signatory ss JOIN organisation o ON o.id = ss.organisation_id
                          LEFT JOIN country oc ON oc.code = o.country_code
                          WHERE ss.submission_id = s.id AND ss.status = 'signed'
                            AND COALESCE(o.region_code, oc.region_code) IN (SELECT code FROM within))

            """;
        const string ConstituencyFilter = """
              AND EXISTS (SELECT 1 FROM submission_signatory ss JOIN organisation_constituency k ON k.organisation_id = ss.organisation_id
                          WHERE ss.submission_id = s.id AND ss.status = 'signed' AND k.constituency = @Constituency)

            """;
        const string SqliteByRelevance = "ORDER BY submission_search.rank, s.submitted_at DESC, s.id DESC\n";
        const string PostgresByRelevance = "ORDER BY ts_rank(s.search, websearch_to_tsquery('simple', @Q)) DESC, s.submitted_at DESC, s.id DESC\n";
        const string Newest = "ORDER BY s.submitted_at DESC, s.id DESC\n";
        const string Paging = "LIMIT @Take OFFSET @Skip";
        const string TagsSql = """
            SELECT submission_id AS SubmissionId, priority_code AS Priority, NULL AS Objective FROM submission_priority WHERE {ids}
            UNION ALL
            SELECT submission_id AS SubmissionId, NULL AS Priority, objective_number AS Objective FROM submission_objective WHERE {ids}
            """;

        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var text = Blank(query.Q);
            var match = text is null ? null : Fts5Match(text);
            if (text is not null && match is null)
            {
                // Nothing searchable left (only quotes or spaces): nothing can match.
                return new Result([], 0, query.CurrentPage, PageSize);
            }
            var region = Blank(query.Region);
            var sql = new StringBuilder();
            if (region is not null)
            {
                sql.Append(RegionTree);
            }
            sql.Append(Columns);
            var sqlite = db.Dialect == Dialect.Sqlite;
            sql.Append(text is null ? NoTextMatch : sqlite ? SqliteTextMatch : PostgresTextMatch);
            AppendIf(sql, query.Consultation is not null, ConsultationFilter);
            AppendIf(sql, Blank(query.Language) is not null, LanguageFilter);
            AppendIf(sql, Blank(query.Priority) is not null, PriorityFilter);
            AppendIf(sql, query.Objective is not null, ObjectiveFilter);
            AppendIf(sql, Blank(query.Country) is not null, CountryFilter);
            AppendIf(sql, region is not null, RegionFilter);
            AppendIf(sql, Blank(query.Constituency) is not null, ConstituencyFilter);
            sql.Append(text is null ? Newest : sqlite ? SqliteByRelevance : PostgresByRelevance).Append(Paging);

            var rows = await db.QueryAsync<Item>(sql.ToString(), new
            {
                Q = text,
                Match = match,
                Status = Blank(query.Status) ?? "submitted",
                False = false,
                query.Consultation,
                Language = Blank(query.Language),
                Priority = Blank(query.Priority),
                query.Objective,
                Country = Blank(query.Country),
                Region = region,
                Constituency = Blank(query.Constituency),
                Take = PageSize,
                Skip = (query.CurrentPage - 1) * PageSize,
            }, ct);
            var tags = rows.Count == 0 ? [] : await db.QueryAsync<Tag>(db.WithIdList(TagsSql, "submission_id"), new { Ids = rows.Select(r => r.Id).ToArray() }, ct);
            var items = rows.Select(r => r with
            {
                Priorities = tags.Where(t => t.SubmissionId == r.Id && t.Priority is not null).Select(t => t.Priority!).Order().ToList(),
                Objectives = tags.Where(t => t.SubmissionId == r.Id && t.Objective is not null).Select(t => t.Objective!.Value).Order().ToList(),
            }).ToList();
            return new Result(items, rows.FirstOrDefault()?.Total ?? 0, query.CurrentPage, PageSize);
        }

        static void AppendIf(StringBuilder sql, bool condition, string fragment)
        {
            if (condition)
            {
                sql.Append(fragment);
            }
        }

        static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>
    /// User text as an FTS5 query that cannot be a syntax error: each word becomes a quoted string (quotes inside
    /// doubled), so AND, OR, NOT, NEAR, *, ^, : and parentheses are searched for as text, never run as operators.
    /// The words are joined by FTS5's implicit AND. Null when no word is left.
    /// </summary>
    public static string? Fts5Match(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Trim('"'))
            .Where(word => word.Any(char.IsLetterOrDigit))
            .Select(word => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapGet("/", async ([AsParameters] Query query, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(query, ct)))
            .WithName("SearchSubmissions")
            .WithSummary("Submitted positions: full-text search and filters (consultation, priority, objective, signatories' country, region and constituency, language), 20 a page.");
}
