using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Accounts;

public sealed class MyDataTests(TestApps apps)
{
    const string PersonExists = """SELECT COUNT(*) FROM "AspNetUsers" WHERE "Id" = @Id""";

    [Theory, BothEngines]
    public async Task Export_holds_profile_memberships_organiser_roles_and_audit_entries(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var organisation = await OrganisationAsync(app, "Voices of the Diaspora", (person, "member"));
        var network = Guid.CreateVersion7();
        await app.ExecuteSqlAsync("INSERT INTO network (id, name, created_at) VALUES (@Id, 'Sahel Coalition', @Now)", new { Id = network, Now = DateTimeOffset.UtcNow });
        await app.ExecuteSqlAsync("INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@Network, @User, @Now)",
            new { Network = network, User = person.Id, Now = DateTimeOffset.UtcNow });
        await AuditAsync(app, person, "network.renamed", network);

        using var response = await app.Client(person).GetAsync("/api/account/export", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        using var json = JsonDocument.Parse(await response.TextAsync());
        var root = json.RootElement;
        root.GetProperty("profile").GetProperty("email").GetString().ShouldBe(person.Email);
        root.GetProperty("profile").GetProperty("displayName").GetString().ShouldBe(person.DisplayName);
        var membership = root.GetProperty("organisationMemberships").EnumerateArray().ShouldHaveSingleItem();
        membership.GetProperty("organisationId").GetGuid().ShouldBe(organisation);
        membership.GetProperty("organisationName").GetString().ShouldBe("Voices of the Diaspora");
        membership.GetProperty("role").GetString().ShouldBe("member");
        root.GetProperty("networkOrganiserRoles").EnumerateArray().ShouldHaveSingleItem().GetProperty("networkName").GetString().ShouldBe("Sahel Coalition");
        root.GetProperty("auditEntries").EnumerateArray().ShouldHaveSingleItem().GetProperty("action").GetString().ShouldBe("network.renamed");
    }

    [Theory, BothEngines]
    public async Task Anonymous_callers_get_401_from_the_account_api(Engine engine)
    {
        var app = apps.For(engine);
        var ct = TestContext.Current.CancellationToken;

        using var export = await app.Client().GetAsync("/api/account/export", ct);
        using var delete = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password = "x" }) }, ct);

        export.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        delete.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, BothEngines]
    public async Task Deletion_is_refused_while_the_person_is_an_organisations_only_representative(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        await OrganisationAsync(app, "Only Me Collective", (person, "representative"));

        using var api = await DeleteAsync(app, person, person.Password);
        using var page = await app.Client(person).SubmitAsync("/Accounts/Delete", new Dictionary<string, string> { ["Password"] = person.Password });

        api.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.TextAsync()).ShouldContain("Only Me Collective");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.TextAsync()).ShouldContain("Only Me Collective");
        (await app.CountAsync(PersonExists, new { person.Id })).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Deletion_with_the_wrong_password_is_a_field_error(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();

        using var api = await DeleteAsync(app, person, "not my password");
        using var page = await app.Client(person).SubmitAsync("/Accounts/Delete", new Dictionary<string, string> { ["Password"] = "" });

        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").GetProperty("password").GetArrayLength().ShouldBe(1);
        (await page.TextAsync()).ShouldMatch("""id="Password-error"[^>]*>[^<]+<""");
        (await app.CountAsync(PersonExists, new { person.Id })).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Deletion_removes_the_person_and_keeps_their_audit_entries_nameless(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var colleague = await app.CreatePersonAsync();
        var organisation = await OrganisationAsync(app, "Shared Duty Network", (person, "representative"), (colleague, "representative"));
        await AuditAsync(app, person, "organisation.updated", organisation);

        using var response = await DeleteAsync(app, person, person.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.CountAsync(PersonExists, new { person.Id })).ShouldBe(0);
        (await app.CountAsync("SELECT COUNT(*) FROM organisation_member WHERE user_id = @Id", new { person.Id })).ShouldBe(0);
        (await app.CountAsync("SELECT COUNT(*) FROM organisation_member WHERE organisation_id = @Organisation", new { Organisation = organisation })).ShouldBe(1);
        (await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor_user_id = @Id", new { person.Id })).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Deleting_from_the_page_signs_out(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var browser = await app.SignedInClientAsync(person);

        using var deleted = await browser.SubmitAsync("/Accounts/Delete", new Dictionary<string, string> { ["Password"] = person.Password });
        using var after = await browser.GetAsync("/Accounts/Manage", TestContext.Current.CancellationToken);

        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CountAsync(PersonExists, new { person.Id })).ShouldBe(0);
    }

    static Task<HttpResponseMessage> DeleteAsync(TestApp app, TestPerson person, string password) =>
        app.Client(person).SendAsync(
            new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password }) },
            TestContext.Current.CancellationToken);

    static async Task<Guid> OrganisationAsync(TestApp app, string name, params (TestPerson Person, string Role)[] members)
    {
        var id = Guid.CreateVersion7();
        await app.ExecuteSqlAsync("INSERT INTO organisation (id, name, created_at) VALUES (@Id, @Name, @Now)", new { Id = id, Name = name, Now = DateTimeOffset.UtcNow });
        foreach (var (person, role) in members)
        {
            await app.ExecuteSqlAsync("INSERT INTO organisation_member (organisation_id, user_id, role, joined_at) VALUES (@Id, @User, @Role, @Now)",
                new { Id = id, User = person.Id, Role = role, Now = DateTimeOffset.UtcNow });
        }
        return id;
    }

    static Task AuditAsync(TestApp app, TestPerson actor, string action, Guid objectId) =>
        app.ExecuteSqlAsync("""
            INSERT INTO audit_log (id, at, actor_user_id, action, object_type, object_id) VALUES (@Id, @Now, @Actor, @Action, 'test', @ObjectId)
            """, new { Id = Guid.CreateVersion7(), Now = DateTimeOffset.UtcNow, Actor = actor.Id, Action = action, ObjectId = objectId });
}
