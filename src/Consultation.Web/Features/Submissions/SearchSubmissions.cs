using System.Globalization;
using System.Text;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// Finds submitted positions: full text over title, summary and body (FTS5 on SQLite, tsvector on PostgreSQL), and
/// filters on consultation, tags, language and the signatories (country, region at any level, constituency).
/// Newest first; a search is ranked by relevance when it matches at most "Search:CountLimit" submissions, and newest
/// first too when it matches more (see <see cref="Handler"/>). Hidden submissions never appear.
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

    /// <summary>
    /// <see cref="Total"/> is exact unless <see cref="TotalIsCapped"/>: then more than Total submissions match (counting
    /// stops there, see <see cref="Handler"/>), and there is always a next page. <see cref="RankedByRelevance"/> says
    /// whether a search's results are in order of relevance or, having too many matches to rank, newest first.
    /// </summary>
    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize, bool TotalIsCapped = false, bool RankedByRelevance = false)
    {
        public bool HasNextPage => TotalIsCapped || Page * PageSize < Total;
    }

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
    }

    /// <summary>A filter kept as a list in submission_facet: language, priority, objective, country, region, constituency.</summary>
    sealed record Filter(string Facet, string Value);

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

    /// <summary>
    /// Counting every match of a broad filter reads every matching row (on a platform of 100,000 submissions, all of
    /// them for an unfiltered list) on every page view, so the count stops after "Search:CountLimit" matches (default
    /// 1,000), or after the current page when that is further on, so the next-page link is always right.
    /// The same limit bounds ranking: scoring a match means reading its word positions, and a common word matches tens
    /// of thousands of submissions (ranking 24,000 took 50 ms on every page view), while its score says little when it
    /// is in most texts. A search with more matches than the limit is listed newest first, which FTS5 walks lazily
    /// (0026), and the page says so and suggests narrowing it.
    /// </summary>
    public sealed class Handler(Db db, IConfiguration configuration, SubmissionSearchCache cache) : IQueryHandler<Query, Result>
    {
        readonly int countLimit = configuration.GetValue("Search:CountLimit", 1000);

        // The statement is put together from these fixed pieces, one per filter given, so that each engine plans the
        // query with exactly the indexes it needs (a catch-all "@X IS NULL OR ..." hides them from the planner).
        // User input only ever travels as parameters.
        // The page is chosen first from narrow columns (ids, rank, date: from indexes where possible), and only its 20
        // rows are then read in full. Sorting the full rows instead would read every match's text and count every
        // match's signatories before the sort: with a common word, tens of thousands of them.
        const string PageColumns = "SELECT s.id AS id, s.submitted_at AS submitted_at\n";
        const string SqlitePageColumns = "SELECT s.id AS id, s.submitted_at AS submitted_at, submission_search.rank AS rank\n";
        const string PostgresPageColumns = "SELECT s.id AS id, s.submitted_at AS submitted_at, ts_rank(s.search, websearch_to_tsquery('simple', @Q)) AS rank\n";
        const string Columns = """
            SELECT s.id AS Id, s.title AS Title, s.summary AS Summary, s.language AS Language, s.status AS Status,
                   s.organisation_id AS LeadOrganisationId, lead.name AS LeadOrganisationName, s.submitted_at AS SubmittedAt,
                   (SELECT COUNT(*) FROM submission_signatory c WHERE c.submission_id = s.id AND c.status = 'signed') AS SignatoryCount
            FROM (

            """;
        const string PageRows = """
            ) page
            JOIN submission s ON s.id = page.id
            JOIN organisation lead ON lead.id = s.organisation_id

            """;
        // CROSS JOIN fixes SQLite's join order: start from the FTS5 matches, then look the few rows up by key (left to
        // itself, the planner may walk every submitted row and probe the FTS table for each). INDEXED BY makes that
        // look-up go by id: without statistics, the planner once rated an index on (status, hidden, language) as high
        // as the id and scanned a whole language per match (20 s).
        const string SqliteTextMatch = """
            FROM submission_search
            CROSS JOIN submission_search_key k ON k.key = submission_search.rowid
            CROSS JOIN submission s INDEXED BY ix_submission_search_filters ON s.id = k.submission_id
            WHERE submission_search MATCH @Match AND s.status = @Status AND s.hidden = @False

            """;
        const string PostgresTextMatch = """
            FROM submission s
            WHERE s.search @@ websearch_to_tsquery('simple', @Q) AND s.status = @Status AND s.hidden = @False

            """;
        const string Listing = """
            FROM submission s
            WHERE s.status = @Status AND s.hidden = @False

            """;
        // Without words to search, the shortest filter list given (submission_facet, 0025) is walked newest first.
        // CROSS JOIN keeps SQLite walking it rather than the whole listing.
        const string SqliteFacetList = """
            FROM submission_facet d
            CROSS JOIN submission s ON s.id = d.submission_id
            WHERE d.facet = @ListFacet AND d.value = @ListValue AND d.status = @Status AND d.hidden = @False

            """;
        const string PostgresFacetList = """
            FROM submission_facet d
            JOIN submission s ON s.id = d.submission_id
            WHERE d.facet = @ListFacet AND d.value = @ListValue AND d.status = @Status AND d.hidden = @False

            """;
        const string ConsultationFilter = "  AND s.consultation_id = @Consultation\n";
        // Every other filter looks each candidate up by key. Signatory filters (country, region at every level,
        // constituency) count signed organisations only: an invitation says nothing about who stands behind it.
        const string FacetFilter = "  AND EXISTS (SELECT 1 FROM submission_facet f WHERE f.facet = @Facet{0} AND f.value = @Value{0} AND f.submission_id = s.id)\n";
        // How many submissions a filter value has, up to a bound: enough to tell the shortest list from the others.
        const string FacetLength = """
            SELECT COUNT(*) FROM (
                SELECT 1 FROM submission_facet
                WHERE facet = @Facet AND value = @Value AND status = @Status AND hidden = @False
                LIMIT @Bound) measured
            """;
        const int FacetLengthBound = 20_000;
        const string SqliteByRelevance = "ORDER BY submission_search.rank, s.submitted_at DESC, s.id DESC\n";
        const string PostgresByRelevance = "ORDER BY ts_rank(s.search, websearch_to_tsquery('simple', @Q)) DESC, s.submitted_at DESC, s.id DESC\n";
        const string Newest = "ORDER BY s.submitted_at DESC, s.id DESC\n";
        const string NewestInList = "ORDER BY d.submitted_at DESC, d.submission_id DESC\n";
        // FTS5 keys follow the order of submission (0026): the newest matches come first without reading the others.
        const string SqliteNewestMatches = "ORDER BY submission_search.rowid DESC\n";
        const string Paging = "LIMIT @Take OFFSET @Skip\n";
        const string PageSqliteByRelevance = "ORDER BY page.rank, page.submitted_at DESC, page.id DESC;\n";
        const string PagePostgresByRelevance = "ORDER BY page.rank DESC, page.submitted_at DESC, page.id DESC;\n";
        const string PageNewest = "ORDER BY page.submitted_at DESC, page.id DESC;\n";
        const string CountedColumns = "SELECT COUNT(*) FROM (SELECT 1\n";
        const string CountedPaging = "LIMIT @CountUpTo) counted";
        const string TagsSql = """
            SELECT submission_id AS SubmissionId, priority_code AS Priority, NULL AS Objective FROM submission_priority WHERE {ids}
            UNION ALL
            SELECT submission_id AS SubmissionId, NULL AS Priority, objective_number AS Objective FROM submission_objective WHERE {ids}
            """;

        public async ValueTask<Result> Handle(Query query, CancellationToken ct) =>
            await cache.GetOrSearchAsync(query, () => SearchAsync(query, ct));

        async Task<Result> SearchAsync(Query query, CancellationToken ct)
        {
            var text = Blank(query.Q);
            var match = text is null ? null : Fts5Match(text);
            if (text is not null && match is null)
            {
                // Nothing searchable left (only quotes or spaces): nothing can match.
                return new Result([], 0, query.CurrentPage, PageSize);
            }
            var sqlite = db.Dialect == Dialect.Sqlite;
            var status = Blank(query.Status) ?? "submitted";
            var skip = (query.CurrentPage - 1) * PageSize;
            // One more than the limit, to tell "exactly the limit" from "more".
            var countUpTo = Math.Max(countLimit, skip + PageSize) + 1;
            var parameters = new DynamicParameters(new
            {
                Q = text,
                Match = match,
                Status = status,
                False = false,
                query.Consultation,
                Take = PageSize,
                Skip = skip,
                CountUpTo = countUpTo,
            });

            var filters = FiltersOf(query);
            var list = text is null && query.Consultation is null && filters.Count > 0
                ? await ShortestAsync(filters, status, ct)
                : null;
            var matching = new StringBuilder(
                text is not null ? sqlite ? SqliteTextMatch : PostgresTextMatch
                : list is not null ? sqlite ? SqliteFacetList : PostgresFacetList
                : Listing);
            if (list is not null)
            {
                parameters.Add("ListFacet", list.Facet);
                parameters.Add("ListValue", list.Value);
            }
            AppendIf(matching, query.Consultation is not null, ConsultationFilter);
            foreach (var (filter, i) in filters.Where(f => f != list).Select((f, i) => (f, i)))
            {
                matching.AppendFormat(CultureInfo.InvariantCulture, FacetFilter, i);
                parameters.Add($"Facet{i}", filter.Facet);
                parameters.Add($"Value{i}", filter.Value);
            }
            var where = matching.ToString();

            // Counted first, as the count decides the order; whether a search is ranked depends only on its matches,
            // never on the page, so paging through it keeps one order.
            var counted = (int)await db.ExecuteScalarAsync<long>(string.Concat(CountedColumns, where, CountedPaging), parameters, ct);
            var ranked = text is not null && counted <= countLimit;
            var (pageColumns, order, pageOrder) = ranked
                ? sqlite ? (SqlitePageColumns, SqliteByRelevance, PageSqliteByRelevance) : (PostgresPageColumns, PostgresByRelevance, PagePostgresByRelevance)
                : (PageColumns, text is not null && sqlite ? SqliteNewestMatches : list is not null ? NewestInList : Newest, PageNewest);
            var rows = counted <= skip ? [] : await db.QueryAsync<Item>(string.Concat(Columns, pageColumns, where, order, Paging, PageRows, pageOrder), parameters, ct);
            var tags = rows.Count == 0 ? [] : await db.QueryAsync<Tag>(db.WithIdList(TagsSql, "submission_id"), new { Ids = rows.Select(r => r.Id).ToArray() }, ct);
            var items = rows.Select(r => r with
            {
                Priorities = tags.Where(t => t.SubmissionId == r.Id && t.Priority is not null).Select(t => t.Priority!).Order().ToList(),
                Objectives = tags.Where(t => t.SubmissionId == r.Id && t.Objective is not null).Select(t => t.Objective!.Value).Order().ToList(),
            }).ToList();
            return counted == countUpTo
                ? new Result(items, countUpTo - 1, query.CurrentPage, PageSize, TotalIsCapped: true, RankedByRelevance: ranked)
                : new Result(items, counted, query.CurrentPage, PageSize, RankedByRelevance: ranked);
        }

        static List<Filter> FiltersOf(Query query)
        {
            var given = new (string Facet, string? Value)[]
            {
                ("language", Blank(query.Language)),
                ("priority", Blank(query.Priority)),
                ("objective", query.Objective?.ToString(CultureInfo.InvariantCulture)),
                ("country", Blank(query.Country)),
                ("region", Blank(query.Region)),
                ("constituency", Blank(query.Constituency)),
            };
            return given.Where(f => f.Value is not null).Select(f => new Filter(f.Facet, f.Value!)).ToList();
        }

        /// <summary>The filter with the fewest submissions (SQLite keeps no statistics to tell).</summary>
        async Task<Filter> ShortestAsync(List<Filter> filters, string status, CancellationToken ct)
        {
            if (filters.Count == 1)
            {
                return filters[0];
            }
            var lengths = new List<(Filter Filter, long Length)>();
            foreach (var filter in filters)
            {
                var length = await db.ExecuteScalarAsync<long>(FacetLength,
                    new { filter.Facet, filter.Value, Status = status, False = false, Bound = FacetLengthBound }, ct);
                lengths.Add((filter, length));
            }
            return lengths.MinBy(l => l.Length).Filter;
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
