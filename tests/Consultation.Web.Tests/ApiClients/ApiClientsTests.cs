using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Web.Features.ApiClients;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests.ApiClients;

public sealed class ApiClientsTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static object PublicClient(string name, params string[] redirectUris) =>
        new { displayName = name, clientKind = "Public", redirectUris, postLogoutRedirectUris = Array.Empty<string>() };

    [Theory, BothEngines]
    public async Task An_admin_registers_lists_and_removes_clients_and_each_change_is_audited(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        using var client = app.Client(admin);
        var name = "Mobile app " + Guid.NewGuid().ToString("N")[..6];

        var created = await client.PostAsJsonAsync("/api/clients", PublicClient(name, "https://app.example.org/callback", "http://127.0.0.1/cb"), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var registered = (await created.Content.ReadFromJsonAsync<RegisterApiClient.Result>(Ct))!;
        registered.ClientSecret.ShouldBeNull();
        var listed = await client.GetFromJsonAsync<List<ListApiClients.ApiClient>>("/api/clients", Ct);
        listed!.Single(c => c.ClientId == registered.ClientId).ShouldSatisfyAllConditions(
            c => c.DisplayName.ShouldBe(name),
            c => c.ClientType.ShouldBe("public"),
            c => c.RedirectUris.ShouldBe(["https://app.example.org/callback", "http://127.0.0.1/cb"]));

        (await client.DeleteAsync($"/api/clients/{registered.ClientId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.DeleteAsync($"/api/clients/{registered.ClientId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await CountAsync(app, """SELECT COUNT(*) FROM "OpenIddictApplications" WHERE "ClientId" = @ClientId""", registered)).ShouldBe(0);
        (await CountAsync(app, "SELECT COUNT(*) FROM audit_log WHERE object_id = @Id AND actor_user_id = @Actor",
            new { registered.Id, Actor = admin.Id })).ShouldBe(2);
    }

    [Theory, BothEngines]
    public async Task A_confidential_clients_secret_is_shown_once_and_stored_only_hashed(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);

        var registered = await app.SendAsync(admin, new RegisterApiClient.Command("Archive", RegisterApiClient.Kind.Confidential, [], null));

        registered.ClientSecret!.Length.ShouldBeGreaterThanOrEqualTo(40);
        var stored = await ScalarAsync<string>(app, """SELECT "ClientSecret" FROM "OpenIddictApplications" WHERE "ClientId" = @ClientId""", registered);
        stored.ShouldNotBeNull();
        stored.ShouldNotContain(registered.ClientSecret);
        using var client = app.Client(admin);
        (await client.GetStringAsync("/api/clients", Ct)).ShouldNotContain(stored);
    }

    [Theory, BothEngines]
    public async Task Only_admins_who_sign_in_with_two_factors_manage_clients(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync(twoFactor: true);
        var adminWithoutTwoFactor = await app.CreatePersonAsync(admin: true);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var existing = await app.SendAsync(admin, new RegisterApiClient.Command("Kept", RegisterApiClient.Kind.Confidential, null, null));
        var name = "Refused " + Guid.NewGuid().ToString("N")[..6];

        foreach (var (caller, expected) in new[] { ((TestPerson?)null, HttpStatusCode.Unauthorized), (person, HttpStatusCode.Forbidden), (adminWithoutTwoFactor, HttpStatusCode.Forbidden) })
        {
            using var client = app.Client(caller);
            (await client.GetAsync("/api/clients", Ct)).StatusCode.ShouldBe(expected);
            (await client.PostAsJsonAsync("/api/clients", PublicClient(name, "https://app.example.org/cb"), Ct)).StatusCode.ShouldBe(expected);
            (await client.DeleteAsync($"/api/clients/{existing.ClientId}", Ct)).StatusCode.ShouldBe(expected);
        }

        (await CountAsync(app, """SELECT COUNT(*) FROM "OpenIddictApplications" WHERE "DisplayName" = @name""", new { name })).ShouldBe(0);
        (await CountAsync(app, """SELECT COUNT(*) FROM "OpenIddictApplications" WHERE "ClientId" = @ClientId""", existing)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Unsafe_or_missing_fields_are_refused_field_by_field_and_nothing_is_written(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        using var client = app.Client(admin);
        var name = "Bad " + Guid.NewGuid().ToString("N")[..6];

        var cases = new (object Body, string Field)[]
        {
            (PublicClient("", "https://app.example.org/cb"), "displayName"),
            (PublicClient(name), "redirectUris"),
            (PublicClient(name, "http://app.example.org/cb"), "redirectUris"),
            (PublicClient(name, "/relative/cb"), "redirectUris"),
            (PublicClient(name, "https://app.example.org/cb#fragment"), "redirectUris"),
            (new { displayName = name, clientKind = "Confidential", redirectUris = new[] { "https://app.example.org/cb" } }, "redirectUris"),
            (new { displayName = name, clientKind = "Public", redirectUris = new[] { "https://app.example.org/cb" }, postLogoutRedirectUris = new[] { "javascript:alert(1)" } }, "postLogoutRedirectUris"),
        };
        foreach (var (body, field) in cases)
        {
            var refused = await client.PostAsJsonAsync("/api/clients", body, Ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, JsonSerializer.Serialize(body));
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        }

        (await CountAsync(app, """SELECT COUNT(*) FROM "OpenIddictApplications" WHERE "DisplayName" = @name""", new { name })).ShouldBe(0);
        (await CountAsync(app, "SELECT COUNT(*) FROM audit_log WHERE actor_user_id = @Id", admin)).ShouldBe(0);
    }

    static async Task<long> CountAsync(TestApp app, string sql, object parameters) => await ScalarAsync<long>(app, sql, parameters);

    static async Task<T?> ScalarAsync<T>(TestApp app, string sql, object parameters)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Db>().ExecuteScalarAsync<T>(sql, parameters, Ct);
    }
}
