using Consultation.Web.Infrastructure.Database;
using Dapper;

namespace Consultation.Web.Features.Reports;

/// <summary>How many submissions, signatory organisations, regions and constituencies a group (or the whole report) has.</summary>
public sealed record GroupCounts
{
    /// <summary>The priority code (P01...), the objective number, or the region code.</summary>
    public string Key { get; init; } = "";
    public string Title { get; init; } = "";
    public long Submissions { get; init; }
    public long Organisations { get; init; }
    public long Regions { get; init; }
    public long Constituencies { get; init; }
}

/// <summary>The numbers of a report: overall, per key priority, per GCM objective and per region.</summary>
public sealed record ReportCounts(
    GroupCounts Overall,
    IReadOnlyList<GroupCounts> ByPriority,
    IReadOnlyList<GroupCounts> ByObjective,
    IReadOnlyList<GroupCounts> ByRegion);

/// <summary>One input as the report shows it: public fields only (no authors, no contact details, no user ids).</summary>
public sealed record ReportSubmission
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Language { get; init; } = "";
    public DateTimeOffset? SubmittedAt { get; init; }
    public List<string> Priorities { get; init; } = [];
    public List<int> Objectives { get; init; } = [];
    /// <summary>Names of the organisations that signed, the lead first.</summary>
    public List<string> Signatories { get; init; } = [];

    public string Link => $"/Submissions/{Id}";
}

/// <summary>
/// The report's reads. Only submitted, not hidden submissions count, and only signatories that signed (not those
/// invited or declined). An organisation's region is the one it gave, else its country's; a submission counts under
/// every region and constituency of its signatories, and under each of its tags.
/// </summary>
public static class ReportData
{
    /// <summary>Reports up to this many submissions are built while the caller waits; larger ones in the background.</summary>
    public const int DirectLimit = 500;

    const string Included = """
        included AS (
            SELECT id FROM submission WHERE consultation_id = @ConsultationId AND status = 'submitted' AND hidden = @False),
        signed AS (
            SELECT ss.submission_id, o.id AS organisation_id, COALESCE(o.region_code, co.region_code) AS region_code
            FROM submission_signatory ss
            JOIN included i ON i.id = ss.submission_id
            JOIN organisation o ON o.id = ss.organisation_id
            LEFT JOIN country co ON co.code = o.country_code
            WHERE ss.status = 'signed')
        """;

    const string Measures = """
        COUNT(DISTINCT signed.organisation_id) AS Organisations,
        COUNT(DISTINCT signed.region_code) AS Regions,
        COUNT(DISTINCT oc.constituency) AS Constituencies
        """;

    const string CountsSql = $"""
        WITH {Included}
        SELECT '' AS Key, '' AS Title, (SELECT COUNT(*) FROM included) AS Submissions, {Measures}
        FROM signed LEFT JOIN organisation_constituency oc ON oc.organisation_id = signed.organisation_id;

        WITH {Included},
        tagged AS (SELECT sp.submission_id, sp.priority_code FROM submission_priority sp JOIN included i ON i.id = sp.submission_id)
        SELECT kp.code AS Key, kp.title AS Title, COUNT(DISTINCT tagged.submission_id) AS Submissions, {Measures}
        FROM key_priority kp
        LEFT JOIN tagged ON tagged.priority_code = kp.code
        LEFT JOIN signed ON signed.submission_id = tagged.submission_id
        LEFT JOIN organisation_constituency oc ON oc.organisation_id = signed.organisation_id
        GROUP BY kp.code, kp.title ORDER BY kp.code;

        WITH {Included},
        tagged AS (SELECT so.submission_id, so.objective_number FROM submission_objective so JOIN included i ON i.id = so.submission_id)
        SELECT CAST(g.number AS TEXT) AS Key, g.title AS Title, COUNT(DISTINCT tagged.submission_id) AS Submissions, {Measures}
        FROM gcm_objective g
        LEFT JOIN tagged ON tagged.objective_number = g.number
        LEFT JOIN signed ON signed.submission_id = tagged.submission_id
        LEFT JOIN organisation_constituency oc ON oc.organisation_id = signed.organisation_id
        GROUP BY g.number, g.title ORDER BY g.number;

        WITH {Included}
        SELECT r.code AS Key, r.name AS Title, COUNT(DISTINCT signed.submission_id) AS Submissions, {Measures}
        FROM signed
        JOIN region r ON r.code = signed.region_code
        LEFT JOIN organisation_constituency oc ON oc.organisation_id = signed.organisation_id
        GROUP BY r.code, r.name ORDER BY COUNT(DISTINCT signed.submission_id) DESC, r.code;
        """;

    // Keyset paging by id, so every page costs the same however deep into a large report it is.
    const string Page = """
        page AS (
            SELECT id, title, summary, language, submitted_at FROM submission
            WHERE consultation_id = @ConsultationId AND status = 'submitted' AND hidden = @False AND id > @After
            ORDER BY id LIMIT @Take)
        """;

    const string PageSql = $"""
        WITH {Page}
        SELECT id AS Id, title AS Title, summary AS Summary, language AS Language, submitted_at AS SubmittedAt FROM page ORDER BY id;
        WITH {Page}
        SELECT sp.submission_id AS SubmissionId, sp.priority_code AS Code FROM submission_priority sp JOIN page ON page.id = sp.submission_id
        ORDER BY sp.priority_code;
        WITH {Page}
        SELECT so.submission_id AS SubmissionId, so.objective_number AS Number FROM submission_objective so JOIN page ON page.id = so.submission_id
        ORDER BY so.objective_number;
        WITH {Page}
        SELECT ss.submission_id AS SubmissionId, o.name AS Name
        FROM submission_signatory ss JOIN page ON page.id = ss.submission_id JOIN organisation o ON o.id = ss.organisation_id
        WHERE ss.status = 'signed'
        ORDER BY CASE ss.role WHEN 'lead' THEN 0 ELSE 1 END, LOWER(o.name), o.id;
        """;

    sealed record PriorityTag
    {
        public Guid SubmissionId { get; init; }
        public string Code { get; init; } = "";
    }

    sealed record ObjectiveTag
    {
        public Guid SubmissionId { get; init; }
        public long Number { get; init; }
    }

    sealed record Signatory
    {
        public Guid SubmissionId { get; init; }
        public string Name { get; init; } = "";
    }

    public static async Task<ReportCounts> CountsAsync(Db db, Guid consultationId, CancellationToken ct)
    {
        using var results = await db.QueryMultipleAsync(CountsSql, new { ConsultationId = consultationId, False = false }, ct);
        return new ReportCounts(
            await results.ReadSingleAsync<GroupCounts>(),
            (await results.ReadAsync<GroupCounts>()).AsList(),
            (await results.ReadAsync<GroupCounts>()).AsList(),
            (await results.ReadAsync<GroupCounts>()).AsList());
    }

    /// <summary>The next page of submissions after <paramref name="after"/> (Guid.Empty for the first), with tags and signatories.</summary>
    public static async Task<IReadOnlyList<ReportSubmission>> PageAsync(Db db, Guid consultationId, Guid after, int take, CancellationToken ct)
    {
        using var results = await db.QueryMultipleAsync(PageSql,
            new { ConsultationId = consultationId, False = false, After = after, Take = take }, ct);
        var submissions = (await results.ReadAsync<ReportSubmission>()).AsList();
        var byId = submissions.ToDictionary(s => s.Id);
        foreach (var tag in await results.ReadAsync<PriorityTag>())
        {
            byId[tag.SubmissionId].Priorities.Add(tag.Code);
        }
        foreach (var tag in await results.ReadAsync<ObjectiveTag>())
        {
            byId[tag.SubmissionId].Objectives.Add((int)tag.Number);
        }
        foreach (var signatory in await results.ReadAsync<Signatory>())
        {
            byId[signatory.SubmissionId].Signatories.Add(signatory.Name);
        }
        return submissions;
    }

    /// <summary>Every included submission, page by page, for writers that stream.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<ReportSubmission>> PagesAsync(
        Db db, Guid consultationId, int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = Guid.Empty;
        while (true)
        {
            var page = await PageAsync(db, consultationId, after, pageSize, ct);
            if (page.Count == 0)
            {
                yield break;
            }
            yield return page;
            after = page[^1].Id;
        }
    }
}
