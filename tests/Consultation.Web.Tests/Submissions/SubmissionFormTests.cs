using System.Net;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Submissions;

/// <summary>
/// The draft and edit submission pages and the submission page's actions, used as a browser without script would.
/// Stable form fields (a browser test fills them): on /Consultations/{id}/Draft, OrganisationId; on both pages
/// Text.Title, Text.Summary, Text.Body (Markdown), Text.Language (ISO 639-1), Text.PriorityCodes (P01..P12, repeated),
/// Text.ObjectiveNumbers (1..23, repeated), Text.Attribution (organisation | named), Text.NamedAuthorIds (user ids,
/// repeated). On /Submissions/{id}: handlers "Submit" and "Withdraw"; endorsing posts "organisationId" to
/// /Submissions/{id}/Signatories?handler=Endorse.
/// </summary>
public sealed class SubmissionFormTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed record Writers(TestPerson Representative, TestPerson Member, Guid OrganisationId, Guid ConsultationId);

    static async Task<Writers> ArrangeAsync(TestApp app)
    {
        var representative = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(representative, name: "Lead " + Guid.NewGuid().ToString("N")[..6]);
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(organisation, member);
        return new Writers(representative, member, organisation, await app.CreateConsultationRowAsync(organisation));
    }

    static List<KeyValuePair<string, string>> Fields(string title, Guid? organisationId = null, string body = "We ask for **firewalls**.",
        string language = "fr", string attribution = "organisation", params Guid[] authors)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("OrganisationId", organisationId?.ToString() ?? ""),
            new("Text.Title", title),
            new("Text.Summary", "Safe access to services"),
            new("Text.Body", body),
            new("Text.Language", language),
            new("Text.PriorityCodes", "P01"),
            new("Text.PriorityCodes", "P03"),
            new("Text.ObjectiveNumbers", "15"),
            new("Text.ObjectiveNumbers", "23"),
            new("Text.Attribution", attribution),
        ];
        fields.AddRange(authors.Select(author => new KeyValuePair<string, string>("Text.NamedAuthorIds", author.ToString())));
        return fields;
    }

    static Guid DraftedId(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(response.LandedOn().Split('/')[^1]);
    }

    static Task<long> SubmissionsInAsync(TestApp app, Guid consultationId) =>
        app.ScalarAsync<long>("SELECT COUNT(*) FROM submission WHERE consultation_id = @Id", new { Id = consultationId });

    [Theory, BothEngines]
    public async Task A_member_drafts_edits_submits_and_others_co_sign_and_endorse_through_the_pages(Engine engine)
    {
        var app = apps.For(engine);
        var w = await ArrangeAsync(app);
        var member = app.Client(w.Member);
        var draftPage = $"/Consultations/{w.ConsultationId}/Draft";

        (await member.GetStringAsync($"/Consultations/{w.ConsultationId}", Ct)).ShouldContain($"href=\"{draftPage}\"");
        (await app.Client().GetStringAsync($"/Consultations/{w.ConsultationId}", Ct)).ShouldNotContain(draftPage);
        (await app.Client(await app.CreatePersonAsync()).GetStringAsync($"/Consultations/{w.ConsultationId}", Ct)).ShouldNotContain(draftPage);

        var id = DraftedId(await member.SubmitAsync(draftPage,
            Fields("Firewalls now", w.OrganisationId, attribution: "named", authors: [w.Member.Id, w.Representative.Id])));

        (await app.ScalarAsync<string>("SELECT status || ' ' || language || ' ' || attribution FROM submission WHERE id = @Id", new { Id = id }))
            .ShouldBe("draft fr named");
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission_priority WHERE submission_id = @Id", new { Id = id })).ShouldBe(2);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission_objective WHERE submission_id = @Id", new { Id = id })).ShouldBe(2);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission_author WHERE submission_id = @Id", new { Id = id })).ShouldBe(2);
        var page = await member.GetStringAsync($"/Submissions/{id}", Ct);
        page.ShouldContain($"href=\"/Submissions/{id}/Edit\"");
        page.ShouldNotContain("Invite co-signers");

        var form = await member.GetStringAsync($"/Submissions/{id}/Edit", Ct);
        form.ShouldContain("value=\"P03\" checked=\"checked\"");
        form.ShouldContain("value=\"23\" checked=\"checked\"");
        form.ShouldContain($"value=\"{w.Representative.Id}\" checked=\"checked\"");
        (await member.SubmitAsync($"/Submissions/{id}/Edit", Fields("Firewalls now, revised"))).LandedOn().ShouldBe($"/Submissions/{id}");
        (await app.ScalarAsync<string>("SELECT title || ' ' || attribution || ' ' || current_version FROM submission WHERE id = @Id", new { Id = id }))
            .ShouldBe("Firewalls now, revised organisation 0");

        (await member.SubmitAsync($"/Submissions/{id}", [], "Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetStringAsync($"/Submissions/{id}/Edit", Ct)).ShouldContain("new version");
        (await member.SubmitAsync($"/Submissions/{id}/Edit", Fields("Firewalls now, version two"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ScalarAsync<long>("SELECT current_version FROM submission WHERE id = @Id", new { Id = id })).ShouldBe(2);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM submission_version WHERE submission_id = @Id", new { Id = id })).ShouldBe(2);

        var guestRep = await app.CreatePersonAsync();
        var guest = await app.CreateOrganisationAsync(guestRep, name: "Guest " + Guid.NewGuid().ToString("N")[..6]);
        var representative = app.Client(w.Representative);
        (await representative.GetStringAsync($"/Submissions/{id}", Ct)).ShouldContain($"href=\"/Submissions/{id}/Signatories#invite-heading\"");
        (await representative.SubmitAsync($"/Submissions/{id}/Signatories", [new("organisationIds", guest.ToString())], "Invite"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.SignatoryStatusAsync(id, guest)).ShouldBe("invited");
        (await app.Client(guestRep).GetStringAsync($"/Submissions/{id}", Ct)).ShouldContain($"href=\"/Submissions/{id}/Signatories#answer-heading\"");

        var endorserRep = await app.CreatePersonAsync();
        var endorser = await app.CreateOrganisationAsync(endorserRep);
        var endorserPage = await app.Client(endorserRep).GetStringAsync($"/Submissions/{id}", Ct);
        endorserPage.ShouldContain($"action=\"/Submissions/{id}/Signatories?handler=Endorse\"");
        endorserPage.ShouldNotContain($"/Submissions/{id}/Edit");
        (await app.Client(endorserRep).SubmitAsync($"/Submissions/{id}/Signatories", [new("organisationId", endorser.ToString())], "Endorse"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.EndorsementRowsAsync(id)).ShouldBe(1);
        (await app.Client(endorserRep).GetStringAsync($"/Submissions/{id}", Ct)).ShouldContain("handler=WithdrawEndorsement");
    }

    [Theory, BothEngines]
    public async Task Bad_input_shows_field_errors_next_to_the_fields_and_writes_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var w = await ArrangeAsync(app);
        var second = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        await app.AddOrganisationMemberAsync(second, w.Member);
        var member = app.Client(w.Member);
        var draftPage = $"/Consultations/{w.ConsultationId}/Draft";

        using var refused = await member.SubmitAsync(draftPage, Fields("", organisationId: null, language: "french", attribution: "named"));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.FieldErrorsAsync()).ShouldBe(
            ["OrganisationId-error", "Text_Title-error", "Text_Language-error", "Text_NamedAuthorIds-error"], ignoreOrder: true);
        (await refused.TextAsync()).ShouldContain("value=\"P03\" checked=\"checked\"");
        (await SubmissionsInAsync(app, w.ConsultationId)).ShouldBe(0);

        var outsider = await app.CreatePersonAsync();
        using var notAMember = await member.SubmitAsync(draftPage, Fields("Named outsider", w.OrganisationId, attribution: "named", authors: [outsider.Id]));
        (await notAMember.FieldErrorsAsync()).ShouldBe(["Text_NamedAuthorIds-error"]);
        (await SubmissionsInAsync(app, w.ConsultationId)).ShouldBe(0);

        var id = DraftedId(await member.SubmitAsync(draftPage, Fields("Kept as it was", w.OrganisationId)));
        using var badEdit = await member.SubmitAsync($"/Submissions/{id}/Edit", Fields("Changed", body: " "));
        (await badEdit.FieldErrorsAsync()).ShouldBe(["Text_Body-error"]);
        (await app.ScalarAsync<string>("SELECT title FROM submission WHERE id = @Id", new { Id = id })).ShouldBe("Kept as it was");
    }

    [Theory, BothEngines]
    public async Task A_non_member_cannot_draft_for_an_organisation_nor_edit_its_submission(Engine engine)
    {
        var app = apps.For(engine);
        var w = await ArrangeAsync(app);
        var outsiderRep = await app.CreatePersonAsync();
        await app.CreateOrganisationAsync(outsiderRep);
        var outsider = app.Client(outsiderRep);
        var draftPage = $"/Consultations/{w.ConsultationId}/Draft";

        (await outsider.GetStringAsync(draftPage, Ct)).ShouldNotContain($"value=\"{w.OrganisationId}\"");
        (await outsider.SubmitAsync(draftPage, Fields("Not mine", w.OrganisationId))).LandedOn().ShouldStartWith("/Error/403");
        (await app.Client(await app.CreatePersonAsync()).GetStringAsync(draftPage, Ct)).ShouldNotContain("name=\"Text.Title\"");
        (await app.Client().GetAsync(draftPage, Ct)).LandedOn().ShouldStartWith("/Accounts/SignIn");
        (await SubmissionsInAsync(app, w.ConsultationId)).ShouldBe(0);

        var draft = DraftedId(await app.Client(w.Member).SubmitAsync(draftPage, Fields("A draft", w.OrganisationId)));
        (await outsider.GetAsync($"/Submissions/{draft}/Edit", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await app.Client(w.Member).SubmitAsync($"/Submissions/{draft}", [], "Submit");
        (await outsider.GetAsync($"/Submissions/{draft}/Edit", Ct)).LandedOn().ShouldStartWith("/Error/403");
        (await outsider.SubmitAsync($"/Submissions/{draft}/Edit", Fields("Taken over"), tokenFrom: $"/Submissions/{draft}"))
            .LandedOn().ShouldStartWith("/Error/403");
        (await app.ScalarAsync<string>("SELECT title FROM submission WHERE id = @Id", new { Id = draft })).ShouldBe("A draft");
    }

    [Theory, BothEngines]
    public async Task Script_in_the_Markdown_body_never_reaches_the_page(Engine engine)
    {
        var app = apps.For(engine);
        var w = await ArrangeAsync(app);
        var member = app.Client(w.Member);

        var id = DraftedId(await member.SubmitAsync($"/Consultations/{w.ConsultationId}/Draft", Fields("Sanitised by form", w.OrganisationId,
            body: Sanitisation.HostileMarkdown)));

        foreach (var page in new[] { $"/Submissions/{id}", $"/Submissions/{id}/Edit" })
        {
            await member.ShouldRunNoScriptAsync(page);
        }
    }

    [Theory, BothEngines]
    public async Task The_forms_speak_the_visitors_language(Engine engine)
    {
        var app = apps.For(engine);
        var w = await ArrangeAsync(app);
        var client = app.Client(w.Member);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");

        var draft = WebUtility.HtmlDecode(await client.GetStringAsync($"/Consultations/{w.ConsultationId}/Draft", Ct));
        draft.ShouldContain("صياغة مساهمة");
        draft.ShouldContain("نص المساهمة");
        draft.ShouldContain("value=\"ar\"");
        var id = DraftedId(await client.SubmitAsync($"/Consultations/{w.ConsultationId}/Draft", Fields("بالعربية", w.OrganisationId)));
        WebUtility.HtmlDecode(await client.GetStringAsync($"/Submissions/{id}/Edit", Ct)).ShouldContain("تعديل المساهمة");
    }
}
