using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Submissions;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Submissions;

public sealed class SearchSubmissionsTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Word() => "w" + Guid.NewGuid().ToString("N")[..10];

    static async Task<List<Guid>> FoundAsync(TestApp app, string query)
    {
        var result = await app.Client().GetFromJsonAsync<SearchSubmissions.Result>("/api/submissions?" + query, Ct);
        return result!.Items.Select(i => i.Id).ToList();
    }

    [Theory, BothEngines]
    public async Task Full_text_finds_words_in_title_summary_and_body_and_operators_in_the_query_are_plain_text(Engine engine)
    {
        var app = apps.For(engine);
        var lead = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        var (inTitle, inSummary, inBody) = (Word(), Word(), Word());
        var byTitle = await app.CreateSubmissionForCoSigningAsync(lead, row: new(Title: $"Labour rights {inTitle}"));
        var bySummary = await app.CreateSubmissionForCoSigningAsync(lead, row: new(Summary: $"About {inSummary} and more"));
        var byBody = await app.CreateSubmissionForCoSigningAsync(lead, row: new(Body: $"Long text mentioning {inBody}."));

        (await FoundAsync(app, $"q={inTitle}")).ShouldBe([byTitle]);
        (await FoundAsync(app, $"q={inSummary}")).ShouldBe([bySummary]);
        (await FoundAsync(app, $"q={inBody}")).ShouldBe([byBody]);
        (await FoundAsync(app, $"q={Uri.EscapeDataString($"labour {inTitle}")}")).ShouldBe([byTitle]);

        foreach (var hostile in new[] { "\"", $"\"{inTitle}", $"{inTitle} OR", "NEAR(a b", "title:x", "*", "-", "a AND (", "^x", "'; DROP TABLE submission; --" })
        {
            var response = await app.Client().GetAsync("/api/submissions?q=" + Uri.EscapeDataString(hostile), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, hostile);
        }
        (await FoundAsync(app, "q=" + Uri.EscapeDataString($"\"{inTitle}\""))).ShouldBe([byTitle]);
    }

    [Theory, BothEngines]
    public async Task Each_filter_alone_and_combined(Engine engine)
    {
        var app = apps.For(engine);
        var kenyanRep = await app.CreatePersonAsync();
        var kenyan = await app.CreateOrganisationAsync(kenyanRep);
        await app.ExecuteSqlAsync("UPDATE organisation SET country_code = 'KE' WHERE id = @Id", new { Id = kenyan });
        await app.ExecuteSqlAsync("INSERT INTO organisation_constituency (organisation_id, constituency) VALUES (@Id, 'youth')", new { Id = kenyan });
        var mexican = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        await app.ExecuteSqlAsync("UPDATE organisation SET country_code = 'MX', region_code = '013' WHERE id = @Id", new { Id = mexican });
        var consultation = await app.CreateConsultationForCoSigningAsync(mexican);
        var c = $"consultation={consultation}";

        var a = await app.CreateSubmissionForCoSigningAsync(mexican, consultation, new(Language: "es", Priorities: ["P01"], Objectives: [5]));
        var b = await app.CreateSubmissionForCoSigningAsync(mexican, consultation, new(Language: "en", Priorities: ["P02"], Objectives: [5, 7]));
        await app.AddCoSignerAsync(b, kenyan);
        var invitedOnly = await app.CreateSubmissionForCoSigningAsync(mexican, consultation, new(Language: "fr"));
        await app.AddCoSignerAsync(invitedOnly, kenyan, "invited");

        (await FoundAsync(app, c)).ShouldBe([a, b, invitedOnly], ignoreOrder: true);
        (await FoundAsync(app, $"{c}&priority=P01")).ShouldBe([a]);
        (await FoundAsync(app, $"{c}&objective=5")).ShouldBe([a, b], ignoreOrder: true);
        (await FoundAsync(app, $"{c}&objective=7")).ShouldBe([b]);
        (await FoundAsync(app, $"{c}&language=es")).ShouldBe([a]);
        (await FoundAsync(app, $"{c}&country=KE")).ShouldBe([b]);
        (await FoundAsync(app, $"{c}&constituency=youth")).ShouldBe([b]);
        (await FoundAsync(app, $"{c}&country=KE&objective=5&language=en&constituency=youth")).ShouldBe([b]);
        (await FoundAsync(app, $"{c}&country=KE&priority=P01")).ShouldBeEmpty();
        (await FoundAsync(app, $"{c}&country=MX&priority=P01")).ShouldBe([a]);

        // Africa (002) takes in Sub-Saharan Africa (202) and Eastern Africa (014), Kenya's region.
        (await FoundAsync(app, $"{c}&region=002")).ShouldBe([b]);
        (await FoundAsync(app, $"{c}&region=014")).ShouldBe([b]);
        (await FoundAsync(app, $"{c}&region=019")).ShouldBe([a, b, invitedOnly], ignoreOrder: true);
        (await FoundAsync(app, $"{c}&region=150")).ShouldBeEmpty();
    }

    [Theory, BothEngines]
    public async Task Filters_follow_signatures_organisations_that_move_and_edited_submissions(Engine engine)
    {
        // Its own app: the filters are also asked without a consultation, over every submission there is.
        await using var app = new TestApp(engine);
        var mexican = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        await app.ExecuteSqlAsync("UPDATE organisation SET country_code = 'MX' WHERE id = @Id", new { Id = mexican });
        var kenyan = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        await app.ExecuteSqlAsync("UPDATE organisation SET country_code = 'KE' WHERE id = @Id", new { Id = kenyan });
        var consultation = await app.CreateConsultationForCoSigningAsync(mexican);
        var c = $"consultation={consultation}";
        var submission = await app.CreateSubmissionForCoSigningAsync(mexican, consultation);
        (await FoundAsync(app, $"{c}&region=002")).ShouldBeEmpty();

        // Invited is not signed; signing puts the submission in Kenya's regions at every level.
        await app.AddCoSignerAsync(submission, kenyan, "invited");
        (await FoundAsync(app, $"{c}&region=002")).ShouldBeEmpty();
        await app.ExecuteSqlAsync("UPDATE submission_signatory SET status = 'signed' WHERE submission_id = @S AND organisation_id = @O", new { S = submission, O = kenyan });
        (await FoundAsync(app, $"{c}&region=014")).ShouldBe([submission]);
        (await FoundAsync(app, $"{c}&region=002")).ShouldBe([submission]);
        (await FoundAsync(app, "region=002&country=KE")).ShouldBe([submission]);

        // The co-signer moves to France: the submission leaves Africa for Europe. A region the organisation names
        // itself wins over its country's.
        await app.ExecuteSqlAsync("UPDATE organisation SET country_code = 'FR' WHERE id = @Id", new { Id = kenyan });
        (await FoundAsync(app, $"{c}&region=002")).ShouldBeEmpty();
        (await FoundAsync(app, $"{c}&region=150")).ShouldBe([submission]);
        await app.ExecuteSqlAsync("UPDATE organisation SET region_code = '145' WHERE id = @Id", new { Id = kenyan });
        (await FoundAsync(app, $"{c}&region=150")).ShouldBeEmpty();
        (await FoundAsync(app, $"{c}&region=142")).ShouldBe([submission]);
        (await FoundAsync(app, "region=142")).ShouldBe([submission]);

        // Withdrawing the signature, or removing the row, takes its regions away; the lead's stay.
        await app.ExecuteSqlAsync("UPDATE submission_signatory SET status = 'declined' WHERE submission_id = @S AND organisation_id = @O", new { S = submission, O = kenyan });
        (await FoundAsync(app, $"{c}&region=142")).ShouldBeEmpty();
        (await FoundAsync(app, $"{c}&region=019")).ShouldBe([submission]);
        await app.ExecuteSqlAsync("UPDATE submission_signatory SET status = 'signed' WHERE submission_id = @S AND organisation_id = @O", new { S = submission, O = kenyan });
        (await FoundAsync(app, $"{c}&region=142")).ShouldBe([submission]);
        await app.ExecuteSqlAsync("DELETE FROM submission_signatory WHERE submission_id = @S AND organisation_id = @O", new { S = submission, O = kenyan });
        (await FoundAsync(app, $"{c}&region=142")).ShouldBeEmpty();
        (await FoundAsync(app, $"{c}&region=013")).ShouldBe([submission]);

        // Constituencies the lead takes on or gives up after signing.
        await app.ExecuteSqlAsync("INSERT INTO organisation_constituency (organisation_id, constituency) VALUES (@Id, 'diaspora')", new { Id = mexican });
        (await FoundAsync(app, $"{c}&constituency=diaspora&region=019")).ShouldBe([submission]);
        await app.ExecuteSqlAsync("DELETE FROM organisation_constituency WHERE organisation_id = @Id", new { Id = mexican });
        (await FoundAsync(app, "constituency=diaspora")).ShouldBeEmpty();

        // Edits to the submission's own language and tags, and hiding it.
        await app.ExecuteSqlAsync("UPDATE submission SET language = 'fr' WHERE id = @Id", new { Id = submission });
        await app.ExecuteSqlAsync("INSERT INTO submission_priority (submission_id, priority_code) VALUES (@Id, 'P07')", new { Id = submission });
        await app.ExecuteSqlAsync("INSERT INTO submission_objective (submission_id, objective_number) VALUES (@Id, 11)", new { Id = submission });
        (await FoundAsync(app, "language=fr&priority=P07&objective=11&region=013")).ShouldBe([submission]);
        (await FoundAsync(app, $"{c}&language=en")).ShouldBeEmpty();
        await app.ExecuteSqlAsync("DELETE FROM submission_priority WHERE submission_id = @Id", new { Id = submission });
        (await FoundAsync(app, $"{c}&priority=P07")).ShouldBeEmpty();
        await app.ExecuteSqlAsync("UPDATE submission SET hidden = @True WHERE id = @Id", new { Id = submission, True = true });
        (await FoundAsync(app, "language=fr&objective=11&region=013")).ShouldBeEmpty();
    }

    [Theory, BothEngines]
    public async Task Bad_filters_are_a_400_field_by_field(Engine engine)
    {
        var app = apps.For(engine);
        foreach (var (query, field) in new[]
        {
            ("priority=X", "priority"), ("objective=24", "objective"), ("country=Kenya", "country"), ("region=africa", "region"),
            ("constituency=nobody", "constituency"), ("language=%3Cscript%3E", "language"), ("status=draft", "status"),
            ("pageNumber=0", "pageNumber"), ("q=" + new string('x', 201), "q"),
        })
        {
            var response = await app.Client().GetAsync("/api/submissions?" + query, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldContain($"\"{field}\"");
        }
    }

    [Theory, BothEngines]
    public async Task Drafts_hidden_and_withdrawn_submissions_are_left_out_unless_withdrawn_ones_are_asked_for(Engine engine)
    {
        var app = apps.For(engine);
        var lead = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        var consultation = await app.CreateConsultationForCoSigningAsync(lead);
        var shown = await app.CreateSubmissionForCoSigningAsync(lead, consultation);
        await app.CreateSubmissionForCoSigningAsync(lead, consultation, new(Status: "draft"));
        await app.CreateSubmissionForCoSigningAsync(lead, consultation, new(Hidden: true));
        var withdrawn = await app.CreateSubmissionForCoSigningAsync(lead, consultation, new(Status: "withdrawn"));

        (await FoundAsync(app, $"consultation={consultation}")).ShouldBe([shown]);
        (await FoundAsync(app, $"consultation={consultation}&status=withdrawn")).ShouldBe([withdrawn]);
    }

    [Theory, BothEngines]
    public async Task Results_come_newest_first_twenty_a_page_with_tags_lead_and_signatory_count(Engine engine)
    {
        var app = apps.For(engine);
        var lead = await app.CreateOrganisationAsync(await app.CreatePersonAsync(), name: "Lead " + Word());
        var consultation = await app.CreateConsultationForCoSigningAsync(lead);
        var start = app.Clock.GetUtcNow();
        var ids = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            ids.Add(await app.CreateSubmissionForCoSigningAsync(lead, consultation, new(SubmittedAt: start.AddMinutes(i), Priorities: ["P03", "P01"], Objectives: [2])));
        }
        await app.AddCoSignerAsync(ids[^1], await app.CreateOrganisationAsync(await app.CreatePersonAsync()));
        ids.Reverse();

        var first = await app.Client().GetFromJsonAsync<SearchSubmissions.Result>($"/api/submissions?consultation={consultation}", Ct);
        var second = await app.Client().GetFromJsonAsync<SearchSubmissions.Result>($"/api/submissions?consultation={consultation}&pageNumber=2", Ct);

        first!.Total.ShouldBe(23);
        first.Items.Select(i => i.Id).Concat(second!.Items.Select(i => i.Id)).ShouldBe(ids);
        var newest = first.Items[0];
        newest.SignatoryCount.ShouldBe(2);
        newest.LeadOrganisationName.ShouldStartWith("Lead ");
        newest.Priorities.ShouldBe(["P01", "P03"]);
        newest.Objectives.ShouldBe([2]);
        first.Items[1].SignatoryCount.ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task The_search_page_keeps_its_filters_in_a_shareable_url(Engine engine)
    {
        var app = apps.For(engine);
        var lead = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        var consultation = await app.CreateConsultationForCoSigningAsync(lead);
        var word = Word();
        for (var i = 0; i < 21; i++)
        {
            await app.CreateSubmissionForCoSigningAsync(lead, consultation, new(Title: $"Title {i} {word}", Priorities: ["P04"]));
        }
        var url = $"/Submissions?q={word}&consultation={consultation}&priority=P04";

        var page = await app.Client().GetStringAsync(url, Ct);

        page.ShouldContain($"value=\"{word}\"");
        page.ShouldContain("21");
        var next = System.Text.RegularExpressions.Regex.Match(page, "href=\"([^\"]+)\" rel=\"next\"").Groups[1].Value;
        next = WebUtility.HtmlDecode(next);
        next.ShouldContain($"q={word}");
        next.ShouldContain($"consultation={consultation}");
        next.ShouldContain("priority=P04");
        next.ShouldContain("pageNumber=2");
        var secondPage = await app.Client().GetStringAsync(next, Ct);
        System.Text.RegularExpressions.Regex.Matches(secondPage, "<article").Count.ShouldBe(1);

        (await app.Client().GetAsync("/Submissions?objective=99", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Client().GetStringAsync("/Submissions?objective=99", Ct)).ShouldContain("objective-error");
    }

    [Theory, BothEngines]
    public async Task The_count_stops_at_the_limit_or_past_the_current_page_and_says_more_than(Engine engine)
    {
        await using var app = new TestApp(engine, new Dictionary<string, string> { ["Search:CountLimit"] = "3" });
        var lead = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        var consultation = await app.CreateConsultationForCoSigningAsync(lead);
        for (var i = 0; i < 22; i++)
        {
            await app.CreateSubmissionForCoSigningAsync(lead, consultation);
        }

        // Page 1 counts up to the end of the page (20) and one more: 22 matches are "more than 20", with a next page.
        var first = await app.Client().GetFromJsonAsync<SearchSubmissions.Result>($"/api/submissions?consultation={consultation}", Ct);
        first!.Items.Count.ShouldBe(20);
        first.Total.ShouldBe(20);
        first.TotalIsCapped.ShouldBeTrue();
        first.HasNextPage.ShouldBeTrue();
        var page = await app.Client().GetStringAsync($"/Submissions?consultation={consultation}", Ct);
        page.ShouldContain("More than 20 submissions found");
        page.ShouldContain("rel=\"next\"");

        // Page 2 counts up to 41, so the 22 are counted exactly and there is no third page.
        var second = await app.Client().GetFromJsonAsync<SearchSubmissions.Result>($"/api/submissions?consultation={consultation}&pageNumber=2", Ct);
        second!.Items.Count.ShouldBe(2);
        second.Total.ShouldBe(22);
        second.TotalIsCapped.ShouldBeFalse();
        second.HasNextPage.ShouldBeFalse();
        var lastPage = await app.Client().GetStringAsync($"/Submissions?consultation={consultation}&pageNumber=2", Ct);
        lastPage.ShouldContain("22 submissions found");
        lastPage.ShouldNotContain("rel=\"next\"");
    }

    [Theory, BothEngines]
    public async Task A_search_is_ranked_by_relevance_up_to_the_count_limit_and_newest_first_beyond_it(Engine engine)
    {
        await using var app = new TestApp(engine, new Dictionary<string, string> { ["Search:CountLimit"] = "3" });
        var lead = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        var consultation = await app.CreateConsultationForCoSigningAsync(lead);
        var start = app.Clock.GetUtcNow();
        var (rare, common) = (Word(), Word());

        // Two matches, within the limit: the older one says the word three times and comes first.
        var stronger = await app.CreateSubmissionForCoSigningAsync(lead, consultation, new(Title: $"{rare} {rare} {rare}", Body: common, SubmittedAt: start));
        var weaker = await app.CreateSubmissionForCoSigningAsync(lead, consultation, new(Body: $"{rare} and a long text about other things {common}", SubmittedAt: start.AddMinutes(1)));
        var ranked = await app.Client().GetFromJsonAsync<SearchSubmissions.Result>($"/api/submissions?q={rare}", Ct);
        ranked!.Items.Select(i => i.Id).ShouldBe([stronger, weaker]);
        ranked.RankedByRelevance.ShouldBeTrue();

        // Five matches, more than the limit: newest first, and the page says why. A draft is not searched until it is
        // submitted, and then it is the newest.
        var later = new List<Guid>();
        for (var i = 2; i < 4; i++)
        {
            later.Add(await app.CreateSubmissionForCoSigningAsync(lead, consultation, new(Body: common, SubmittedAt: start.AddMinutes(i))));
        }
        var draft = await app.CreateSubmissionForCoSigningAsync(lead, consultation, new(Body: $"{common} {common} {common}", Status: "draft"));
        (await FoundAsync(app, $"q={common}")).ShouldNotContain(draft);
        await app.ExecuteSqlAsync("UPDATE submission SET status = 'submitted', submitted_at = @At WHERE id = @Id", new { Id = draft, At = start.AddMinutes(5) });

        var broad = await app.Client().GetFromJsonAsync<SearchSubmissions.Result>($"/api/submissions?q={common}", Ct);
        broad!.RankedByRelevance.ShouldBeFalse();
        broad.Total.ShouldBe(5);
        broad.Items.Select(i => i.Id).ShouldBe([draft, later[1], later[0], weaker, stronger]);
        (await FoundAsync(app, "language=en")).ShouldBe([draft, later[1], later[0], weaker, stronger], "a filter's own list is newest first too");
        (await app.Client().GetStringAsync($"/Submissions?q={common}", Ct)).ShouldContain("too many submissions to rank them by relevance");
        (await app.Client().GetStringAsync($"/Submissions?q={rare}", Ct)).ShouldNotContain("too many submissions to rank them by relevance");
    }
}
