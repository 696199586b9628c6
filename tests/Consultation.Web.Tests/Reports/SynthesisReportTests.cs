using System.Net;
using System.Text.Json;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Reports;

/// <summary>
/// The report over a hand-computed fixture: organisations A (Kenya, so Eastern Africa; migrant-led and youth),
/// B (France, so Western Europe; diaspora), C (South America given as its region; youth) and D (never signs).
/// S1 led by A, co-signed by B: P01, P04, objective 3. S2 led by C, D only invited: P04, objectives 3 and 5.
/// S3 (hidden) and S4 (draft) must not count.
/// </summary>
public sealed class SynthesisReportTests(TestApps apps)
{
    sealed record Fixture(Guid ConsultationId, TestPerson Organiser, TestPerson Representative, string[] PrivateEmails);

    static async Task<Fixture> ArrangeAsync(TestApp app, string status = "closed")
    {
        var organiser = await app.CreatePersonAsync();
        var representative = await app.CreatePersonAsync();
        var (consultationId, _) = await app.CreateReportConsultationAsync(organiser, status);
        var tag = Guid.NewGuid().ToString("N")[..8];
        string Email(string who) => $"{who}-{tag}@private.example";
        var a = await app.CreateOrganisationAsync(representative, name: "Alpha Migrant Union");
        var b = await app.CreateOrganisationAsync(await app.CreatePersonAsync(), name: "Beta Diaspora");
        var c = await app.CreateOrganisationAsync(await app.CreatePersonAsync(), name: "Gamma Youth");
        var d = await app.CreateOrganisationAsync(await app.CreatePersonAsync(), name: "Delta Invited");
        await app.DescribeReportOrganisationAsync(a, "KE", null, Email("a"), "migrant-led", "youth");
        await app.DescribeReportOrganisationAsync(b, "FR", null, Email("b"), "diaspora");
        await app.DescribeReportOrganisationAsync(c, null, "005", Email("c"), "youth");
        await app.DescribeReportOrganisationAsync(d, "JP", null, Email("d"), "academic");
        await app.CreateReportSubmissionAsync(consultationId, a, "=HYPERLINK(\"http://evil\")", "Decent work, \"now\"\nfor all",
            ["P01", "P04"], [3], [(b, "signed")], author: representative);
        await app.CreateReportSubmissionAsync(consultationId, c, "Schools for every child", "Enrol children whatever their papers.",
            ["P04"], [3, 5], [(d, "invited")]);
        await app.CreateReportSubmissionAsync(consultationId, b, "Hidden input", "Hidden.", ["P01"], [1], hidden: true);
        await app.CreateReportSubmissionAsync(consultationId, a, "Draft input", "Draft.", ["P02"], [2], status: "draft");
        return new Fixture(consultationId, organiser, representative, [Email("a"), Email("b"), Email("c"), Email("d")]);
    }

    static async Task<JsonElement> JsonReportAsync(HttpClient client, Guid consultationId)
    {
        var text = await client.GetStringAsync($"/api/consultations/{consultationId}/report.json", TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement;
    }

    static (long Submissions, long Organisations, long Regions, long Constituencies) Counts(JsonElement group) =>
        (group.GetProperty("submissions").GetInt64(), group.GetProperty("organisations").GetInt64(),
         group.GetProperty("regions").GetInt64(), group.GetProperty("constituencies").GetInt64());

    static JsonElement Group(JsonElement report, string list, string key) =>
        report.GetProperty(list).EnumerateArray().Single(g => g.GetProperty("key").GetString() == key);

    [Theory, BothEngines]
    public async Task Groups_and_counts_match_the_hand_computed_fixture(Engine engine)
    {
        var app = apps.For(engine);
        var fixture = await ArrangeAsync(app);

        var report = await JsonReportAsync(app.Client(), fixture.ConsultationId);

        Counts(report.GetProperty("overall")).ShouldBe((2, 3, 3, 3));
        Counts(Group(report, "byPriority", "P01")).ShouldBe((1, 2, 2, 3));
        Counts(Group(report, "byPriority", "P04")).ShouldBe((2, 3, 3, 3));
        Counts(Group(report, "byPriority", "P02")).ShouldBe((0, 0, 0, 0));
        Counts(Group(report, "byObjective", "3")).ShouldBe((2, 3, 3, 3));
        Counts(Group(report, "byObjective", "5")).ShouldBe((1, 1, 1, 1));
        report.GetProperty("byRegion").EnumerateArray().Select(g => (g.GetProperty("key").GetString(), g.GetProperty("submissions").GetInt64()))
            .OrderBy(g => g.Item1).ShouldBe([("005", 1L), ("014", 1L), ("155", 1L)]);
        var submissions = report.GetProperty("submissions").EnumerateArray().ToList();
        submissions.Select(s => s.GetProperty("title").GetString()).ShouldBe(["=HYPERLINK(\"http://evil\")", "Schools for every child"], ignoreOrder: true);
        var schools = submissions.Single(s => s.GetProperty("title").GetString() == "Schools for every child");
        schools.GetProperty("signatories").EnumerateArray().Select(s => s.GetString()).ShouldBe(["Gamma Youth"]);
        schools.GetProperty("link").GetString().ShouldEndWith($"/Submissions/{schools.GetProperty("id").GetString()}");
    }

    [Theory, BothEngines]
    public async Task The_page_lists_each_input_under_each_of_its_tags_with_accessible_charts(Engine engine)
    {
        var app = apps.For(engine);
        var fixture = await ArrangeAsync(app);

        var page = WebUtility.HtmlDecode(await app.Client().GetStringAsync($"/Consultations/{fixture.ConsultationId}/Report", TestContext.Current.CancellationToken));

        // S1 under P01 and P04 and objective 3; S2 under P04, objectives 3 and 5.
        CountOf(page, "=HYPERLINK(\"http://evil\")</a>").ShouldBe(3);
        CountOf(page, "Schools for every child</a>").ShouldBe(3);
        page.ShouldNotContain("Hidden input");
        page.ShouldNotContain("Draft input");
        page.ShouldContain("<svg");
        page.ShouldContain("<title id=\"chart-priorities-title\">Submissions per key priority</title>");
        page.ShouldContain("<desc id=\"chart-regions-desc\">");
        page.ShouldContain("<caption>Submissions per region</caption>");
        page.ShouldNotContain("<script>");
    }

    static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Theory, BothEngines]
    public async Task No_format_carries_contact_details_or_user_ids(Engine engine)
    {
        var app = apps.For(engine);
        var fixture = await ArrangeAsync(app);
        var client = app.Client();
        var ct = TestContext.Current.CancellationToken;
        var basePath = $"/api/consultations/{fixture.ConsultationId}/report";

        foreach (var url in new[] { $"/Consultations/{fixture.ConsultationId}/Report", basePath + ".json", basePath + ".csv", basePath + ".md", basePath + "?format=csv" })
        {
            var text = await client.GetStringAsync(url, ct);
            text.ShouldContain("Gamma Youth", customMessage: url);
            foreach (var email in fixture.PrivateEmails.Append(fixture.Representative.Email))
            {
                text.ShouldNotContain(email, Case.Insensitive, customMessage: url);
            }
            text.ShouldNotContain(fixture.Representative.Id.ToString(), Case.Insensitive, customMessage: url);
            text.ShouldNotContain("Hidden input", customMessage: url);
        }
    }

    [Theory, BothEngines]
    public async Task Csv_quotes_per_RFC_4180_and_defuses_formulas(Engine engine)
    {
        var app = apps.For(engine);
        var fixture = await ArrangeAsync(app);

        using var response = await app.Client().GetAsync($"/api/consultations/{fixture.ConsultationId}/report.csv", TestContext.Current.CancellationToken);
        var csv = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.ShouldStartWith("id,title,summary,language,submitted_at,key_priorities,gcm_objectives,signatories,link\r\n");
        csv.ShouldContain(",\"'=HYPERLINK(\"\"http://evil\"\")\",\"Decent work, \"\"now\"\"\nfor all\",en,");
        csv.ShouldContain(",P01; P04,3,Alpha Migrant Union; Beta Diaspora,");
    }

    [Theory, BothEngines]
    public async Task Markdown_escapes_user_text(Engine engine)
    {
        var app = apps.For(engine);
        var fixture = await ArrangeAsync(app);

        var markdown = await app.Client().GetStringAsync($"/api/consultations/{fixture.ConsultationId}/report.md", TestContext.Current.CancellationToken);

        markdown.ShouldStartWith("# Synthesis report: Report test consultation");
        markdown.ShouldContain("### [=HYPERLINK\\(\"http://evil\"\\)](");
        markdown.ShouldContain("| P04 Migrant Workers' Rights | 2 | 3 | 3 | 3 |");
    }

    [Theory, BothEngines]
    public async Task While_open_only_its_organisers_see_the_report(Engine engine)
    {
        var app = apps.For(engine);
        var fixture = await ArrangeAsync(app, status: "open");
        var stranger = await app.CreatePersonAsync();
        var api = $"/api/consultations/{fixture.ConsultationId}/report.json";

        (await app.Client().StatusOfAsync(HttpMethod.Get, api)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(stranger).StatusOfAsync(HttpMethod.Get, api)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(fixture.Representative).StatusOfAsync(HttpMethod.Get, api)).ShouldBe(HttpStatusCode.Forbidden);
        // The page refuses the way every page does: the access-denied redirect.
        (await app.Client(stranger).StatusOfAsync(HttpMethod.Get, $"/Consultations/{fixture.ConsultationId}/Report")).ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Found);
        Counts((await JsonReportAsync(app.Client(fixture.Organiser), fixture.ConsultationId)).GetProperty("overall")).ShouldBe((2, 3, 3, 3));
        var page = await app.Client(fixture.Organiser).GetStringAsync($"/Consultations/{fixture.ConsultationId}/Report", TestContext.Current.CancellationToken);
        page.ShouldContain("Working draft");
    }

    [Theory, BothEngines]
    public async Task A_draft_consultation_is_not_found_and_an_unknown_format_is_a_400(Engine engine)
    {
        var app = apps.For(engine);
        var fixture = await ArrangeAsync(app, status: "draft");
        var closed = await ArrangeAsync(app);
        var stranger = await app.CreatePersonAsync();

        (await app.Client(stranger).StatusOfAsync(HttpMethod.Get, $"/api/consultations/{fixture.ConsultationId}/report.json")).ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().StatusOfAsync(HttpMethod.Get, $"/api/consultations/{Guid.NewGuid()}/report.json")).ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().StatusOfAsync(HttpMethod.Get, $"/api/consultations/{closed.ConsultationId}/report.xls")).ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client().StatusOfAsync(HttpMethod.Post, $"/api/consultations/{closed.ConsultationId}/report/jobs?format=xls")).ShouldBe(HttpStatusCode.BadRequest);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM report_job WHERE consultation_id = @Id", new { Id = closed.ConsultationId })).ShouldBe(0);
    }
}
