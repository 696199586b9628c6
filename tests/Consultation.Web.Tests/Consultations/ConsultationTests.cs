using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Web.Features.Consultations;
using Consultation.Web.Tests.Networks;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Consultations;

public sealed class ConsultationTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static object Details(string title, string description = "About **this**", string scope = "global", string? countryCode = null) => new
    {
        title,
        description,
        scope,
        countryCode,
        feedsReport = "Voluntary National Review to the IMRF",
        opensAt = DateTimeOffset.UtcNow,
        closesAt = DateTimeOffset.UtcNow.AddDays(30),
        preModeration = false,
    };

    static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<CreateConsultation.Created>(Ct))!.Id;
    }

    [Theory, BothEngines]
    public async Task A_network_organiser_creates_opens_and_closes_a_consultation_that_then_appears_in_the_public_list(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var client = app.Client(network.Organiser);
        var title = "National consultation " + Guid.NewGuid().ToString("N")[..8];

        var id = await CreatedIdAsync(await client.PostAsJsonAsync("/api/consultations",
            new { networkId = network.Id, details = Details(title, scope: "country", countryCode: "sn") }, Ct));

        (await app.ScalarAsync<string>("SELECT country_code FROM consultation WHERE id = @Id", new { Id = id })).ShouldBe("SN");
        (await app.ConsultationAuditCountAsync(id, "consultation.created")).ShouldBe(1);
        (await app.Client().GetAsync($"/api/consultations/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync($"/Consultations/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = await app.SendAsync(null, new ListConsultations.Query(null, null, null, network.Id, null));
        listed.Total.ShouldBe(0);

        (await client.PostAsJsonAsync($"/api/consultations/{id}/status", new { status = "closed" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PostAsJsonAsync($"/api/consultations/{id}/status", new { status = "open" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PutAsJsonAsync($"/api/consultations/{id}", Details(title + " (revised)"), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        listed = await app.SendAsync(null, new ListConsultations.Query("open", null, null, network.Id, "REVISED"));
        listed.Items.Select(i => i.Id).ShouldBe([id]);
        var page = await (await app.Client().GetAsync($"/Consultations?network={network.Id}&search=revised", Ct)).TextAsync();
        page.ShouldContain($"href=\"/Consultations/{id}\"");
        var shown = await (await app.Client().GetAsync($"/Consultations/{id}", Ct)).TextAsync();
        shown.ShouldContain("<strong>this</strong>");

        (await client.PostAsJsonAsync($"/api/consultations/{id}/status", new { status = "closed" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync($"/api/consultations/{id}/status", new { status = "open" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PutAsJsonAsync($"/api/consultations/{id}", Details(title), Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.ConsultationAuditCountAsync(id, "consultation.status-changed")).ShouldBe(2);
    }

    [Theory, BothEngines]
    public async Task Only_organisers_with_two_factors_and_verified_representatives_may_create_or_run_one(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var withoutTwoFactor = await app.CreatePersonAsync();
        await app.ExecuteSqlAsync("INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@NetworkId, @UserId, @Now)",
            new { NetworkId = network.Id, UserId = withoutTwoFactor.Id, Now = app.Clock.GetUtcNow() });
        var pendingRepresentative = await app.CreatePersonAsync();
        var pending = await app.CreateOrganisationAsync(pendingRepresentative, verified: false);
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(network.FoundingOrganisationId, member);
        var title = "Refused " + Guid.NewGuid().ToString("N");

        async Task<HttpStatusCode> CreateAs(TestPerson? person, Guid? networkId, Guid? organisationId)
        {
            using var response = await app.Client(person).PostAsJsonAsync("/api/consultations", new { networkId, organisationId, details = Details(title) }, Ct);
            return response.StatusCode;
        }

        (await CreateAs(null, network.Id, null)).ShouldBe(HttpStatusCode.Unauthorized);
        (await CreateAs(withoutTwoFactor, network.Id, null)).ShouldBe(HttpStatusCode.Forbidden);
        (await CreateAs(member, null, network.FoundingOrganisationId)).ShouldBe(HttpStatusCode.Forbidden);
        (await CreateAs(pendingRepresentative, null, pending)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM consultation WHERE title = @Title", new { Title = title })).ShouldBe(0);

        var representative = await app.CreatePersonAsync();
        var verified = await app.CreateOrganisationAsync(representative);
        var id = await CreatedIdAsync(await app.Client(representative).PostAsJsonAsync("/api/consultations",
            new { organisationId = verified, details = Details(title) }, Ct));
        (await app.Client(representative).PostAsJsonAsync($"/api/consultations/{id}/status", new { status = "open" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(member).PostAsJsonAsync($"/api/consultations/{id}/status", new { status = "closed" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(member).PutAsJsonAsync($"/api/consultations/{id}", Details("Taken over"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ScalarAsync<string>("SELECT status FROM consultation WHERE id = @Id", new { Id = id })).ShouldBe("open");
        (await app.ScalarAsync<string>("SELECT title FROM consultation WHERE id = @Id", new { Id = id })).ShouldBe(title);
    }

    [Theory, BothEngines]
    public async Task A_draft_does_not_exist_for_those_who_may_not_run_it(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var stranger = await app.CreatePersonAsync(twoFactor: true);
        var title = "Draft " + Guid.NewGuid().ToString("N");
        var id = await CreatedIdAsync(await app.Client(network.Organiser).PostAsJsonAsync("/api/consultations",
            new { networkId = network.Id, details = Details(title) }, Ct));

        // As on its page: running it must not tell a stranger that the draft exists.
        (await app.Client(stranger).GetAsync($"/api/consultations/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(stranger).PostAsJsonAsync($"/api/consultations/{id}/status", new { status = "open" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(stranger).PutAsJsonAsync($"/api/consultations/{id}", Details("Taken over"), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await app.ScalarAsync<string>("SELECT status || ' ' || title FROM consultation WHERE id = @Id", new { Id = id })).ShouldBe("draft " + title);
        (await app.ConsultationAuditCountAsync(id, "consultation.status-changed")).ShouldBe(0);
        (await app.Client(network.Organiser).PostAsJsonAsync($"/api/consultations/{id}/status", new { status = "open" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory, BothEngines]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(representative);
        var client = app.Client(representative);

        using var bad = await client.PostAsJsonAsync("/api/consultations", new
        {
            organisationId = organisation,
            details = new { title = "x", scope = "country", countryCode = "ZZ", opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(-1) },
        }, Ct);
        using var twoOwners = await client.PostAsJsonAsync("/api/consultations",
            new { organisationId = organisation, networkId = Guid.NewGuid(), details = Details("Two owners") }, Ct);

        (await ErrorFieldsAsync(bad)).ShouldBe(["details.title", "details.countryCode", "details.closesAt"], ignoreOrder: true);
        (await ErrorFieldsAsync(twoOwners)).ShouldBe(["networkId"]);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM consultation WHERE organisation_id = @Id", new { Id = organisation })).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Script_in_the_description_never_reaches_the_page(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(representative);
        var id = await CreatedIdAsync(await app.Client(representative).PostAsJsonAsync("/api/consultations", new
        {
            organisationId = organisation,
            details = Details("Sanitised", Sanitisation.HostileMarkdown),
        }, Ct));
        await app.SendAsync(representative, new ChangeConsultationStatus.Command(id, "open"));

        await app.Client().ShouldRunNoScriptAsync($"/Consultations/{id}");
    }

    [Theory, BothEngines]
    public async Task The_list_speaks_the_visitors_language(Engine engine)
    {
        var client = apps.For(engine).Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var html = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync("/Consultations", Ct)).TextAsync());

        html.ShouldContain("Rechercher dans les titres");
        html.ShouldContain("Toutes les régions");
    }

    static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(field => field.Name)];
    }
}
