using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Tests.Support;
using static Consultation.Web.Tests.Organisations.OrganisationFixtures;

namespace Consultation.Web.Tests.Organisations;

public sealed class RegisterAndEditOrganisationTests(TestApps apps)
{
    [Theory, BothEngines]
    public async Task Anyone_signed_in_registers_a_pending_organisation_and_becomes_its_representative(Engine engine)
    {
        var app = apps.For(engine);
        var founder = await app.CreatePersonAsync();
        var client = app.Client(founder);

        var response = await client.PostAsJsonAsync("/api/organisations", Profile("Diaspora Voices", "KE", "diaspora", "youth"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<Created>(Ct))!.Id;
        var profile = await client.ProfileAsync(id);
        profile.Name.ShouldBe("Diaspora Voices");
        profile.Status.ShouldBe("pending");
        profile.RegionCode.ShouldBe("014"); // the country's own region, since none was chosen
        profile.Constituencies.ShouldBe(["diaspora", "youth"]);
        profile.Viewer.Role.ShouldBe("representative");
        profile.Private.ShouldNotBeNull().Members.ShouldHaveSingleItem().UserId.ShouldBe(founder.Id);
    }

    [Theory, BothEngines]
    public async Task Registration_needs_a_signed_in_person(Engine engine)
    {
        var app = apps.For(engine);
        var name = "Anonymous " + Guid.NewGuid().ToString("N");

        var response = await app.Client().PostAsJsonAsync("/api/organisations", Profile(name), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.ScalarAsync<int>("SELECT COUNT(*) FROM organisation WHERE name = @Name", new { Name = name })).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written(Engine engine)
    {
        var app = apps.For(engine);
        var client = app.Client(await app.CreatePersonAsync());
        var name = new string('n', 170) + Guid.NewGuid().ToString("N"); // 202 characters
        var bad = new RegisterOrganisation.Command(name, "ZZ", "999", ["astrology"], new string('d', 5001), "ftp://example.org",
            "not-an-address", "call me");

        var response = await client.PostAsJsonAsync("/api/organisations", bad, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(Ct))!;
        problem.Errors.Keys.ShouldBe(
            ["name", "countryCode", "regionCode", "constituencies", "description", "website", "contactEmail", "contactPhone"],
            ignoreOrder: true);
        (await app.ScalarAsync<int>("SELECT COUNT(*) FROM organisation WHERE name = @Name", new { Name = name })).ShouldBe(0);

        var wrongRegion = Profile(name[..150], "KE") with { RegionCode = "155", Constituencies = [] };
        problem = (await (await client.PostAsJsonAsync("/api/organisations", wrongRegion, Ct)).Content.ReadFromJsonAsync<Problem>(Ct))!;
        problem.Errors.Keys.ShouldBe(["regionCode", "constituencies"], ignoreOrder: true);
        (await app.ScalarAsync<int>("SELECT COUNT(*) FROM organisation WHERE name = @Name", new { Name = name[..150] })).ShouldBe(0);

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var inFrench = await client.PostAsJsonAsync("/api/organisations", wrongRegion, Ct);
        (await inFrench.Content.ReadAsStringAsync(Ct)).ShouldContain("Choisissez au moins un groupe");
    }

    [Theory, BothEngines]
    public async Task The_register_page_works_without_javascript(Engine engine)
    {
        var app = apps.For(engine);
        var client = app.Client(await app.CreatePersonAsync());
        var name = "Form " + Guid.NewGuid().ToString("N");

        (await app.Client().GetAsync("/Organisations/Register", Ct)).Headers.Location!.ToString().ShouldContain("/Accounts/SignIn");

        var refused = await client.SubmitAsync("/Organisations/Register", [new("Input.Name", name), new("Input.CountryCode", "KE")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Choose at least one constituency.");
        (await app.ScalarAsync<int>("SELECT COUNT(*) FROM organisation WHERE name = @Name", new { Name = name })).ShouldBe(0);

        var response = await client.SubmitAsync("/Organisations/Register",
            [new("Input.Name", name), new("Input.CountryCode", "FR"), new("Input.Constituencies", "migrant-led"),
             new("Input.Constituencies", "womens-rights"), new("Input.Website", "https://example.org")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
        var profile = await client.ProfileAsync(id);
        profile.Name.ShouldBe(name);
        profile.Constituencies.ShouldBe(["migrant-led", "womens-rights"]);
        profile.RegionCode.ShouldBe("155");
    }

    [Theory, BothEngines]
    public async Task Only_representatives_edit_the_profile(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var member = await app.CreatePersonAsync();
        var id = await app.RegisterAsync(representative);
        await app.AddOrganisationMemberAsync(id, member);
        var edit = Profile("Renamed " + Guid.NewGuid().ToString("N"), "FR", "academic");

        (await app.Client().PutAsJsonAsync($"/api/organisations/{id}", edit, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(member).PutAsJsonAsync($"/api/organisations/{id}", edit, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(await app.CreatePersonAsync()).PutAsJsonAsync($"/api/organisations/{id}", edit, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var invalid = await app.Client(representative).PutAsJsonAsync($"/api/organisations/{id}", edit with { Name = "x", Website = "example.org" }, Ct);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client(representative).ProfileAsync(id)).Name.ShouldNotBe("x");

        (await app.Client(representative).PutAsJsonAsync($"/api/organisations/{id}", edit, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var profile = await app.Client(representative).ProfileAsync(id);
        profile.Name.ShouldBe(edit.Name);
        profile.CountryCode.ShouldBe("FR");
        profile.Constituencies.ShouldBe(["academic"]);
        profile.Private!.ContactEmail.ShouldBe(edit.ContactEmail);
    }

    [Theory, BothEngines]
    public async Task The_edit_page_saves_the_form_for_representatives_only(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var id = await app.RegisterAsync(representative);
        var client = app.Client(representative);

        (await app.Client(await app.CreatePersonAsync()).GetAsync($"/Organisations/{id}/Edit", Ct)).Headers.Location!.ToString().ShouldContain("/Error/403");
        var name = "Edited " + Guid.NewGuid().ToString("N");
        var response = await client.SubmitAsync($"/Organisations/{id}/Edit",
            [new("Input.Name", name), new("Input.RegionCode", "002"), new("Input.Constituencies", "children")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var profile = await client.ProfileAsync(id);
        profile.Name.ShouldBe(name);
        profile.CountryCode.ShouldBeNull();
        profile.RegionCode.ShouldBe("002");
    }

    sealed record Created(Guid Id);

    sealed record Problem(Dictionary<string, string[]> Errors);
}
