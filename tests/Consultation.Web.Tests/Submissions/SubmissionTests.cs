using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Web.Features.Submissions;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Submissions;

public sealed class SubmissionTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static object Text(string title, string body = "We ask for **firewalls** between services and immigration enforcement.",
        string attribution = "organisation", Guid[]? authors = null, string language = "en", string[]? priorities = null) => new
        {
            title,
            summary = "Safe access to services",
            body,
            language,
            priorityCodes = priorities ?? ["P01"],
            objectiveNumbers = new[] { 15 },
            attribution,
            namedAuthorIds = authors ?? [],
        };

    sealed record Writers(TestPerson Member, Guid OrganisationId, Guid ConsultationId);

    async Task<Writers> ArrangeAsync(TestApp app, string consultationStatus = "open")
    {
        var representative = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(representative);
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(organisation, member);
        return new Writers(member, organisation, await app.CreateConsultationRowAsync(organisation, consultationStatus));
    }

    static async Task<Guid> DraftAsync(TestApp app, Writers writers, object text)
    {
        using var response = await app.Client(writers.Member).PostAsJsonAsync($"/api/consultations/{writers.ConsultationId}/submissions",
            new { organisationId = writers.OrganisationId, text }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<DraftSubmission.Drafted>(Ct))!.Id;
    }

    [Theory, BothEngines]
    public async Task A_member_drafts_submits_edits_and_withdraws_and_readers_see_versions_and_a_diff(Engine engine)
    {
        var app = apps.For(engine);
        var writers = await ArrangeAsync(app);
        var client = app.Client(writers.Member);
        var id = await DraftAsync(app, writers, Text("Firewalls now"));

        (await app.ScalarAsync<string>("SELECT status FROM submission_signatory WHERE submission_id = @Id AND role = 'lead'", new { Id = id })).ShouldBe("signed");
        (await app.Client().GetAsync($"/Submissions/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync($"/api/submissions/{id}", Text("Firewalls now, please"), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission_version WHERE submission_id = @Id", new { Id = id })).ShouldBe(0);

        (await client.PostAsync($"/api/submissions/{id}/submit", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsync($"/api/submissions/{id}/submit", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PutAsJsonAsync($"/api/submissions/{id}",
            Text("Firewalls now, please", "We ask for strict **firewalls** between services and immigration enforcement."), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.ScalarAsync<long>("SELECT current_version FROM submission WHERE id = @Id", new { Id = id })).ShouldBe(2);

        var page = await (await app.Client().GetAsync($"/Submissions/{id}", Ct)).TextAsync();
        page.ShouldContain("strict <strong>firewalls</strong>");
        page.ShouldContain($"href=\"/Submissions/{id}/Comments\"");
        page.ShouldContain($"href=\"/Submissions/{id}/History\"");
        var consultation = await (await app.Client().GetAsync($"/Consultations/{writers.ConsultationId}", Ct)).TextAsync();
        consultation.ShouldContain($"href=\"/Submissions/{id}\"");
        var history = await app.SendAsync(null, new GetSubmissionHistory.Query(id));
        history.Versions.Select(v => v.Number).ShouldBe([2, 1]);
        var diff = await (await app.Client().GetAsync($"/Submissions/{id}/Diff?from=1&to=2", Ct)).TextAsync();
        var changes = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(diff, Ct);
        changes.QuerySelectorAll("pre.diff ins").Select(i => i.TextContent.Trim()).ShouldBe(["strict"]);
        changes.QuerySelectorAll("pre.diff del").ShouldBeEmpty();
        using var json = await app.Client().GetAsync($"/api/submissions/{id}/diff?from=1&to=2", Ct);
        json.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.PostAsync($"/api/submissions/{id}/withdraw", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var withdrawn = await (await app.Client().GetAsync($"/Submissions/{id}", Ct)).TextAsync();
        withdrawn.ShouldContain("This submission was withdrawn");
        (await client.PutAsJsonAsync($"/api/submissions/{id}", Text("Again"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, BothEngines]
    public async Task Named_authors_appear_only_after_they_agree(Engine engine)
    {
        var app = apps.For(engine);
        var writers = await ArrangeAsync(app);
        var author = await app.CreatePersonAsync(displayName: "Amina Named");
        await app.AddOrganisationMemberAsync(writers.OrganisationId, author);
        var id = await DraftAsync(app, writers, Text("Named", attribution: "named", authors: [author.Id]));
        await app.SendAsync(writers.Member, new SubmitSubmission.Command(id));

        (await app.SendAsync(null, new GetSubmission.Query(id))).NamedAuthors.ShouldBeEmpty();
        using var agreed = await app.Client(author).SubmitAsync($"/Submissions/{id}", [], handler: "Agree");
        agreed.LandedOn().ShouldBe($"/Submissions/{id}");
        (await app.SendAsync(null, new GetSubmission.Query(id))).NamedAuthors.ShouldBe(["Amina Named"]);
    }

    [Theory, BothEngines]
    public async Task Only_members_of_verified_organisations_write_and_only_the_lead_organisation_edits(Engine engine)
    {
        var app = apps.For(engine);
        var writers = await ArrangeAsync(app);
        var outsider = await app.CreatePersonAsync();
        var otherOrganisation = await app.CreateOrganisationAsync(outsider);
        var pendingRepresentative = await app.CreatePersonAsync();
        var pending = await app.CreateOrganisationAsync(pendingRepresentative, verified: false);
        var title = "Refused " + Guid.NewGuid().ToString("N");

        async Task<HttpStatusCode> DraftAs(TestPerson? person, Guid organisationId)
        {
            using var response = await app.Client(person).PostAsJsonAsync($"/api/consultations/{writers.ConsultationId}/submissions",
                new { organisationId, text = Text(title) }, Ct);
            return response.StatusCode;
        }

        (await DraftAs(null, writers.OrganisationId)).ShouldBe(HttpStatusCode.Unauthorized);
        (await DraftAs(outsider, writers.OrganisationId)).ShouldBe(HttpStatusCode.Forbidden);
        // An unverified organisation is refused with 403: it may not speak in consultations yet.
        (await DraftAs(pendingRepresentative, pending)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission WHERE title = @Title", new { Title = title })).ShouldBe(0);

        var draft = await DraftAsync(app, writers, Text("Draft"));
        (await app.Client(outsider).GetAsync($"/api/submissions/{draft}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(outsider).GetAsync($"/Submissions/{draft}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(outsider).PutAsJsonAsync($"/api/submissions/{draft}", Text("Taken"), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await app.SendAsync(writers.Member, new SubmitSubmission.Command(draft));
        (await app.Client(outsider).PutAsJsonAsync($"/api/submissions/{draft}", Text("Taken"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(outsider).PostAsync($"/api/submissions/{draft}/withdraw", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ScalarAsync<string>("SELECT title FROM submission WHERE id = @Id", new { Id = draft })).ShouldBe("Draft");
        _ = otherOrganisation;
    }

    [Theory, BothEngines]
    public async Task A_suspended_organisation_may_no_longer_submit_or_edit_but_may_withdraw(Engine engine)
    {
        var app = apps.For(engine);
        var writers = await ArrangeAsync(app);
        var draft = await DraftAsync(app, writers, Text("Drafted before the suspension"));
        var submitted = await DraftAsync(app, writers, Text("Submitted before the suspension"));
        await app.SendAsync(writers.Member, new SubmitSubmission.Command(submitted));
        await app.ExecuteSqlAsync("UPDATE organisation SET status = 'suspended' WHERE id = @Id", new { Id = writers.OrganisationId });
        var client = app.Client(writers.Member);

        (await client.PostAsync($"/api/submissions/{draft}/submit", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync($"/api/submissions/{submitted}", Text("Changed after the suspension"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await app.ScalarAsync<string>("SELECT status FROM submission WHERE id = @Id", new { Id = draft })).ShouldBe("draft");
        (await app.ScalarAsync<string>("SELECT title FROM submission WHERE id = @Id", new { Id = submitted })).ShouldBe("Submitted before the suspension");
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission_version WHERE submission_id = @Id", new { Id = submitted })).ShouldBe(1);
        (await client.PostAsync($"/api/submissions/{submitted}/withdraw", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory, BothEngines]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written(Engine engine)
    {
        var app = apps.For(engine);
        var writers = await ArrangeAsync(app);
        var stranger = await app.CreatePersonAsync();
        var client = app.Client(writers.Member);

        async Task<string[]> ErrorFieldsAsync(object text, Guid? consultationId = null)
        {
            using var response = await client.PostAsJsonAsync($"/api/consultations/{consultationId ?? writers.ConsultationId}/submissions",
                new { organisationId = writers.OrganisationId, text }, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return [.. problem.GetProperty("errors").EnumerateObject().Select(field => field.Name)];
        }

        (await ErrorFieldsAsync(Text("x", body: " ", language: "english", priorities: ["P99"])))
            .ShouldBe(["text.title", "text.body", "text.language", "text.priorityCodes"], ignoreOrder: true);
        (await ErrorFieldsAsync(Text("Named nobody", attribution: "named"))).ShouldBe(["text.namedAuthorIds"]);
        (await ErrorFieldsAsync(Text("Named a stranger", attribution: "named", authors: [stranger.Id]))).ShouldBe(["text.namedAuthorIds"]);
        var closed = await app.CreateConsultationRowAsync(writers.OrganisationId, "closed");
        (await ErrorFieldsAsync(Text("Too late"), closed)).ShouldBe(["consultationId"]);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission WHERE organisation_id = @Id", new { Id = writers.OrganisationId })).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Script_in_the_body_never_reaches_the_page(Engine engine)
    {
        var app = apps.For(engine);
        var writers = await ArrangeAsync(app);
        var id = await DraftAsync(app, writers,
            Text("Sanitised", Sanitisation.HostileMarkdown));
        await app.SendAsync(writers.Member, new SubmitSubmission.Command(id));

        await app.Client().ShouldRunNoScriptAsync($"/Submissions/{id}");
    }
}
