using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Web.Features.Networks;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Networks;

public sealed class CreateNetworkTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static Task<long> NetworksNamedAsync(TestApp app, string name) =>
        app.ScalarAsync<long>("SELECT COUNT(*) FROM network WHERE name = @Name", new { Name = name });

    [Theory, BothEngines]
    public async Task A_verified_organisations_representative_founds_a_network_and_organises_it(Engine engine)
    {
        var app = apps.For(engine);
        var founder = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(founder);

        using var response = await app.Client(founder).PostAsJsonAsync("/api/networks",
            new { organisationId = organisation, name = "  Sahel Migrant Network ", description = "Groups along the route" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<CreateNetwork.Created>(Ct);
        response.Headers.Location!.ToString().ShouldBe($"/api/networks/{created!.Id}");
        var network = await app.SendAsync(null, new GetNetwork.Query(created.Id));
        network.Name.ShouldBe("Sahel Migrant Network");
        network.Members.Select(m => m.Id).ShouldBe([organisation]);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM network_organiser WHERE network_id = @Id AND user_id = @UserId",
            new { created.Id, UserId = founder.Id })).ShouldBe(1);
        (await app.AuditCountAsync(created.Id, NetworkAudit.Created)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Only_representatives_of_verified_organisations_may_found_one(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var verified = await app.CreateOrganisationAsync(representative);
        var pendingRepresentative = await app.CreatePersonAsync();
        var pending = await app.CreateOrganisationAsync(pendingRepresentative, verified: false);
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(verified, member);
        var name = "Refused " + Guid.NewGuid().ToString("N");

        async Task<HttpStatusCode> CreateAs(TestPerson? person, Guid organisationId)
        {
            using var response = await app.Client(person).PostAsJsonAsync("/api/networks", new { organisationId, name }, Ct);
            return response.StatusCode;
        }

        (await CreateAs(null, verified)).ShouldBe(HttpStatusCode.Unauthorized);
        (await CreateAs(member, verified)).ShouldBe(HttpStatusCode.Forbidden);
        (await CreateAs(pendingRepresentative, pending)).ShouldBe(HttpStatusCode.Forbidden);
        (await CreateAs(representative, pending)).ShouldBe(HttpStatusCode.Forbidden);
        (await NetworksNamedAsync(app, name)).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written(Engine engine)
    {
        var app = apps.For(engine);
        var founder = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(founder);
        var client = app.Client(founder);
        var name = "Without organisation " + Guid.NewGuid().ToString("N");

        using var badFields = await client.PostAsJsonAsync("/api/networks",
            new { organisationId = organisation, name = " x ", description = new string('d', CreateNetwork.DescriptionMaxLength + 1) }, Ct);
        using var noOrganisation = await client.PostAsJsonAsync("/api/networks", new { organisationId = Guid.Empty, name }, Ct);
        using var tooLongName = await client.PostAsJsonAsync("/api/networks",
            new { organisationId = organisation, name = new string('n', CreateNetwork.NameMaxLength + 1) }, Ct);

        (await ErrorFieldsAsync(badFields)).ShouldBe(["description", "name"], ignoreOrder: true);
        (await ErrorFieldsAsync(noOrganisation)).ShouldBe(["organisationId"]);
        (await ErrorFieldsAsync(tooLongName)).ShouldBe(["name"]);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM network WHERE founding_organisation_id = @Id", new { Id = organisation })).ShouldBe(0);
        (await NetworksNamedAsync(app, name)).ShouldBe(0);
    }

    static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(field => field.Name)];
    }

    [Theory, BothEngines]
    public async Task The_form_founds_a_network_without_javascript_and_shows_field_errors(Engine engine)
    {
        var app = apps.For(engine);
        var founder = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(founder);
        var client = app.Client(founder);
        var name = "Form network " + Guid.NewGuid().ToString("N")[..8];

        using var invalid = await client.SubmitAsync("/Networks/Create",
            new Dictionary<string, string> { ["Form.OrganisationId"] = organisation.ToString(), ["Form.Name"] = "" });
        invalid.LandedOn().ShouldBe("/Networks/Create");
        var html = await invalid.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("Give the network a name of at least 3 characters.");
        html.ShouldContain("aria-invalid=\"true\"");

        using var created = await client.SubmitAsync("/Networks/Create",
            new Dictionary<string, string> { ["Form.OrganisationId"] = organisation.ToString(), ["Form.Name"] = name, ["Form.Description"] = "" });
        var id = await app.ScalarAsync<Guid>("SELECT id FROM network WHERE name = @Name", new { Name = name });
        created.LandedOn().ShouldBe($"/Networks/{id}");
    }

    [Theory, BothEngines]
    public async Task Field_errors_speak_the_visitors_language(Engine engine)
    {
        var app = apps.For(engine);
        var founder = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(founder);
        var client = app.Client(founder);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        using var invalid = await client.SubmitAsync("/Networks/Create",
            new Dictionary<string, string> { ["Form.OrganisationId"] = organisation.ToString(), ["Form.Name"] = "ab" });
        using var api = await client.PostAsJsonAsync("/api/networks", new { organisationId = organisation, name = "ab" }, Ct);

        WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync(Ct)).ShouldContain("Donnez au réseau un nom d’au moins 3 caractères.");
        (await api.Content.ReadAsStringAsync(Ct)).ShouldContain("Donnez au réseau un nom d’au moins 3 caractères.");
    }

    [Theory, BothEngines]
    public async Task The_form_asks_anonymous_visitors_to_sign_in(Engine engine)
    {
        var app = apps.For(engine);

        using var response = await app.Client().GetAsync("/Networks/Create", Ct);

        response.LandedOn().ShouldStartWith("/Accounts/SignIn");
    }
}
