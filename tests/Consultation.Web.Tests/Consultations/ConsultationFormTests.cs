using System.Net;
using Consultation.Web.Features.Consultations;
using Consultation.Web.Tests.Networks;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Consultations;

/// <summary>
/// The create and edit consultation pages and the status buttons, used as a browser without script would.
/// Stable form fields (a browser test fills them): on /Consultations/Create, Owner ("network:{id}" or
/// "organisation:{id}"); on both pages Details.Title, Details.Description, Details.Scope (country | region | global),
/// Details.CountryCode, Details.RegionCode, Details.FeedsReport, Details.OpensAt and Details.ClosesAt
/// (yyyy-MM-ddTHH:mm in UTC), Details.PreModeration (true); on /Consultations/{id}, handler "Status" with "status".
/// </summary>
public sealed class ConsultationFormTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static List<KeyValuePair<string, string>> Fields(string title, string owner = "", string description = "About **this**",
        string scope = "country", string countryCode = "SN", string opensAt = "2027-03-01T09:00", string closesAt = "2027-04-01T17:30") =>
    [
        new("Owner", owner),
        new("Details.Title", title),
        new("Details.Description", description),
        new("Details.Scope", scope),
        new("Details.CountryCode", countryCode),
        new("Details.RegionCode", ""),
        new("Details.FeedsReport", "Voluntary National Review 2027"),
        new("Details.OpensAt", opensAt),
        new("Details.ClosesAt", closesAt),
        new("Details.PreModeration", "true"),
    ];

    static Guid CreatedId(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(response.LandedOn().Split('/')[^1]);
    }

    [Theory, BothEngines]
    public async Task A_network_organiser_creates_edits_and_opens_a_consultation_through_the_pages(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var organiser = app.Client(network.Organiser);
        var title = "Consultation by form " + Guid.NewGuid().ToString("N")[..8];

        (await organiser.GetStringAsync("/Consultations", Ct)).ShouldContain("href=\"/Consultations/Create\"");
        (await app.Client().GetStringAsync("/Consultations", Ct)).ShouldNotContain("/Consultations/Create");
        (await app.Client(await app.CreatePersonAsync()).GetStringAsync("/Consultations", Ct)).ShouldNotContain("/Consultations/Create");
        (await organiser.GetStringAsync("/Consultations/Create", Ct)).ShouldContain($"value=\"network:{network.Id}\"");

        var id = CreatedId(await organiser.SubmitAsync("/Consultations/Create", Fields(title, $"network:{network.Id}")));

        var created = await app.SendAsync(network.Organiser, new GetConsultation.Query(id));
        created.NetworkId.ShouldBe(network.Id);
        created.Title.ShouldBe(title);
        created.CountryCode.ShouldBe("SN");
        created.Status.ShouldBe("draft");
        created.PreModeration.ShouldBeTrue();
        created.OpensAt.ShouldBe(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        created.ClosesAt.ShouldBe(new DateTimeOffset(2027, 4, 1, 17, 30, 0, TimeSpan.Zero));
        (await organiser.GetStringAsync($"/Consultations/{id}", Ct)).ShouldContain($"href=\"/Consultations/{id}/Edit\"");

        var form = await organiser.GetStringAsync($"/Consultations/{id}/Edit", Ct);
        form.ShouldContain("value=\"2027-03-01T09:00\"");
        form.ShouldContain("UTC");
        var edited = await organiser.SubmitAsync($"/Consultations/{id}/Edit",
            Fields(title + " (revised)", scope: "global", countryCode: "", closesAt: "2027-05-01T12:00"));
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        edited.LandedOn().ShouldBe($"/Consultations/{id}");
        var revised = await app.SendAsync(network.Organiser, new GetConsultation.Query(id));
        revised.Title.ShouldBe(title + " (revised)");
        revised.Scope.ShouldBe("global");
        revised.CountryCode.ShouldBeNull();
        revised.ClosesAt.ShouldBe(new DateTimeOffset(2027, 5, 1, 12, 0, 0, TimeSpan.Zero));
        (await app.ConsultationAuditCountAsync(id, "consultation.edited")).ShouldBe(1);

        (await organiser.SubmitAsync($"/Consultations/{id}", [new("status", "open")], "Status")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ScalarAsync<string>("SELECT status FROM consultation WHERE id = @Id", new { Id = id })).ShouldBe("open");
        var publicPage = await app.Client().GetStringAsync($"/Consultations/{id}", Ct);
        publicPage.ShouldContain(title + " (revised)");
        publicPage.ShouldNotContain($"/Consultations/{id}/Edit");
        publicPage.ShouldNotContain("handler=Status");
    }

    [Theory, BothEngines]
    public async Task Bad_input_shows_field_errors_next_to_the_fields_and_writes_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(representative);
        await app.CreateOrganisationAsync(representative);
        var client = app.Client(representative);

        using var refused = await client.SubmitAsync("/Consultations/Create",
            Fields("x", owner: "", countryCode: "", opensAt: "2027-03-01T09:00", closesAt: "not a time"));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.FieldErrorsAsync()).ShouldBe(["Owner-error", "Details_Title-error", "Details_CountryCode-error", "Details_ClosesAt-error"], ignoreOrder: true);
        var page = await refused.TextAsync();
        page.ShouldContain("value=\"Voluntary National Review 2027\"");
        page.ShouldContain("aria-invalid=\"true\"");
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM consultation WHERE created_by = @Id", new { Id = representative.Id })).ShouldBe(0);

        var id = CreatedId(await client.SubmitAsync("/Consultations/Create", Fields("Kept as it was", $"organisation:{organisation}")));
        using var badEdit = await client.SubmitAsync($"/Consultations/{id}/Edit", Fields("", scope: "region", countryCode: ""));
        badEdit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await badEdit.FieldErrorsAsync()).ShouldBe(["Details_Title-error", "Details_RegionCode-error"], ignoreOrder: true);
        (await app.ScalarAsync<string>("SELECT title FROM consultation WHERE id = @Id", new { Id = id })).ShouldBe("Kept as it was");
    }

    [Theory, BothEngines]
    public async Task Only_those_who_run_a_consultation_create_or_edit_one_through_the_pages(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(network.FoundingOrganisationId, member);
        var pendingRepresentative = await app.CreatePersonAsync();
        var pending = await app.CreateOrganisationAsync(pendingRepresentative, verified: false);
        var title = "Refused " + Guid.NewGuid().ToString("N");

        (await app.Client().GetAsync("/Consultations/Create", Ct)).LandedOn().ShouldStartWith("/Accounts/SignIn");
        var notice = await app.Client(member).GetStringAsync("/Consultations/Create", Ct);
        notice.ShouldNotContain("name=\"Details.Title\"");
        (await app.Client(member).SubmitAsync("/Consultations/Create", Fields(title, $"network:{network.Id}")))
            .LandedOn().ShouldStartWith("/Error/403");
        (await app.Client(pendingRepresentative).SubmitAsync("/Consultations/Create", Fields(title, $"organisation:{pending}")))
            .LandedOn().ShouldStartWith("/Error/403");
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM consultation WHERE title = @Title", new { Title = title })).ShouldBe(0);

        var draft = CreatedId(await app.Client(network.Organiser).SubmitAsync("/Consultations/Create", Fields("A draft", $"network:{network.Id}")));
        (await app.Client(member).GetAsync($"/Consultations/{draft}/Edit", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var open = CreatedId(await app.Client(network.Organiser).SubmitAsync("/Consultations/Create", Fields("An open one", $"network:{network.Id}")));
        await app.SendAsync(network.Organiser, new ChangeConsultationStatus.Command(open, "open"));
        (await app.Client(member).GetAsync($"/Consultations/{open}/Edit", Ct)).LandedOn().ShouldStartWith("/Error/403");
        (await app.Client(member).SubmitAsync($"/Consultations/{open}/Edit", Fields("Taken over"), tokenFrom: "/Consultations"))
            .LandedOn().ShouldStartWith("/Error/403");
        (await app.Client(member).SubmitAsync($"/Consultations/{open}", [new("status", "closed")], "Status")).LandedOn().ShouldStartWith("/Error/403");
        (await app.ScalarAsync<string>("SELECT title || ' ' || status FROM consultation WHERE id = @Id", new { Id = open })).ShouldBe("An open one open");
    }

    [Theory, BothEngines]
    public async Task Script_in_the_description_never_reaches_the_page(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(representative);
        var client = app.Client(representative);

        var id = CreatedId(await client.SubmitAsync("/Consultations/Create", Fields("Sanitised by form", $"organisation:{organisation}",
            Sanitisation.HostileMarkdown)));

        foreach (var page in new[] { $"/Consultations/{id}", $"/Consultations/{id}/Edit" })
        {
            await client.ShouldRunNoScriptAsync(page);
        }
    }

    [Theory, BothEngines]
    public async Task The_forms_speak_the_visitors_language(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var client = app.Client(network.Organiser);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var id = CreatedId(await client.SubmitAsync("/Consultations/Create", Fields("En français", $"network:{network.Id}")));

        var create = WebUtility.HtmlDecode(await client.GetStringAsync("/Consultations/Create", Ct));
        create.ShouldContain("Créer une consultation");
        create.ShouldContain("Les heures sont en UTC");
        WebUtility.HtmlDecode(await client.GetStringAsync($"/Consultations/{id}/Edit", Ct)).ShouldContain("Modifier la consultation");
        WebUtility.HtmlDecode(await client.GetStringAsync($"/Consultations/{id}", Ct)).ShouldContain("Gérer cette consultation");
    }
}
