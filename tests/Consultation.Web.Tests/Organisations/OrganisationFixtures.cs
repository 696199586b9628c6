using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests.Organisations;

/// <summary>Places, organisations and form posts the organisation tests share.</summary>
public static partial class OrganisationFixtures
{
    // Real M49 codes; another migration may already hold them, hence DO NOTHING.
    const string Places = """
        INSERT INTO region (code, name, parent_code) VALUES ('001', 'World', NULL) ON CONFLICT DO NOTHING;
        INSERT INTO region (code, name, parent_code) VALUES ('002', 'Africa', '001') ON CONFLICT DO NOTHING;
        INSERT INTO region (code, name, parent_code) VALUES ('014', 'Eastern Africa', '002') ON CONFLICT DO NOTHING;
        INSERT INTO region (code, name, parent_code) VALUES ('150', 'Europe', '001') ON CONFLICT DO NOTHING;
        INSERT INTO region (code, name, parent_code) VALUES ('155', 'Western Europe', '150') ON CONFLICT DO NOTHING;
        INSERT INTO country (code, name, region_code) VALUES ('KE', 'Kenya', '014') ON CONFLICT DO NOTHING;
        INSERT INTO country (code, name, region_code) VALUES ('FR', 'France', '155') ON CONFLICT DO NOTHING;
        """;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task SeedPlacesAsync(this TestApp app) => app.SqlAsync(Places);

    public static async Task<int> SqlAsync(this TestApp app, string sql, object? parameters = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Db>().ExecuteAsync(sql, parameters, Ct);
    }

    public static async Task<T?> ScalarAsync<T>(this TestApp app, string sql, object? parameters = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Db>().ExecuteScalarAsync<T>(sql, parameters, Ct);
    }

    public static RegisterOrganisation.Command Profile(string name, string? country = "KE", params string[] constituencies) =>
        new(name, country, null, constituencies.Length == 0 ? ["grassroots"] : constituencies,
            "Works with " + name, "https://example.org/" + Guid.NewGuid().ToString("N"),
            $"contact-{Guid.NewGuid():N}@example.org", "+254 700 000 000");

    /// <summary>A pending organisation with this person as its representative.</summary>
    public static async Task<Guid> RegisterAsync(this TestApp app, TestPerson representative, RegisterOrganisation.Command? profile = null)
    {
        await app.SeedPlacesAsync();
        return await app.SendAsync(representative, profile ?? Profile("Org " + Guid.NewGuid().ToString("N")[..8]));
    }

    public static async Task<Guid> RegisterVerifiedAsync(this TestApp app, TestPerson representative)
    {
        var id = await app.RegisterAsync(representative);
        await app.SqlAsync("UPDATE organisation SET status = 'verified', verified_at = created_at WHERE id = @Id", new { Id = id });
        return id;
    }

    public static Task AddMemberAsync(this TestApp app, Guid organisationId, TestPerson person, string role = "member") =>
        app.SqlAsync("""
            INSERT INTO organisation_member (organisation_id, user_id, role, joined_at) VALUES (@OrganisationId, @UserId, @Role, @Now)
            """, new { OrganisationId = organisationId, UserId = person.Id, Role = role, Now = app.Clock.GetUtcNow() });

    /// <summary>A network (rows written directly: the Networks area owns its use cases) with this organiser, and the
    /// organisation's membership in the given status.</summary>
    public static async Task NetworkAsync(this TestApp app, TestPerson organiser, Guid? organisationId, string? membership)
    {
        var networkId = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        await app.SqlAsync("INSERT INTO network (id, name, created_at) VALUES (@Id, @Name, @Now)", new { Id = networkId, Name = "Network " + networkId, Now = now });
        await app.SqlAsync("INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@Id, @UserId, @Now)",
            new { Id = networkId, UserId = organiser.Id, Now = now });
        if (organisationId is not null)
        {
            await app.SqlAsync("""
                INSERT INTO network_membership (network_id, organisation_id, status, requested_at) VALUES (@Id, @OrganisationId, @Status, @Now)
                """, new { Id = networkId, OrganisationId = organisationId, Status = membership, Now = now });
        }
    }

    public static Task<string?> StatusAsync(this TestApp app, Guid organisationId) =>
        app.ScalarAsync<string>("SELECT status FROM organisation WHERE id = @Id", new { Id = organisationId });

    public static Task<int> AuditCountAsync(this TestApp app, string action, Guid organisationId) =>
        app.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = @Action AND object_id = @Id",
            new { Action = action, Id = organisationId });

    public static async Task<GetOrganisation.Result> ProfileAsync(this HttpClient client, Guid organisationId) =>
        (await client.GetFromJsonAsync<GetOrganisation.Result>($"/api/organisations/{organisationId}", Ct))!;

    /// <summary>
    /// A browser-like client that keeps cookies and never follows redirects, so form posts show their 302 (the
    /// factory's client followed redirects after POST here).
    /// </summary>
    public static HttpClient BrowserClient(this TestApp app, TestPerson? person = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseAddress };
        if (person is not null)
        {
            client.DefaultRequestHeaders.Add(TestSignIn.Header, person.Id.ToString());
        }
        return client;
    }

    /// <summary>Posts a page's form as a browser without JavaScript would: GET the page for its antiforgery token, then POST.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var html = await client.GetStringAsync(page, Ct);
        var token = AntiforgeryField().Match(html);
        token.Success.ShouldBeTrue($"no antiforgery token on {page}");
        var form = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token.Groups[1].Value)]);
        return await client.PostAsync(handler is null ? page : $"{page}?handler={handler}", form, Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
