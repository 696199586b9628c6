using System.Net.Http.Json;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Organisations;

/// <summary>Organisations and networks the organisation tests share (countries and regions come from the migrations).</summary>
public static class OrganisationFixtures
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static RegisterOrganisation.Command Profile(string name, string? country = "KE", params string[] constituencies) =>
        new(name, country, null, constituencies.Length == 0 ? ["grassroots"] : constituencies,
            "Works with " + name, "https://example.org/" + Guid.NewGuid().ToString("N"),
            $"contact-{Guid.NewGuid():N}@example.org", "+254 700 000 000");

    /// <summary>A pending organisation with this person as its representative.</summary>
    public static async Task<Guid> RegisterAsync(this TestApp app, TestPerson representative, RegisterOrganisation.Command? profile = null)
    {
        return await app.SendAsync(representative, profile ?? Profile("Org " + Guid.NewGuid().ToString("N")[..8]));
    }

    public static async Task<Guid> RegisterVerifiedAsync(this TestApp app, TestPerson representative)
    {
        var id = await app.RegisterAsync(representative);
        await app.ExecuteSqlAsync("UPDATE organisation SET status = 'verified', verified_at = created_at WHERE id = @Id", new { Id = id });
        return id;
    }

    /// <summary>A network (rows written directly: the Networks area owns its use cases) with this organiser, and the
    /// organisation's membership in the given status.</summary>
    public static async Task NetworkAsync(this TestApp app, TestPerson organiser, Guid? organisationId, string? membership)
    {
        var networkId = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        await app.ExecuteSqlAsync("INSERT INTO network (id, name, created_at) VALUES (@Id, @Name, @Now)", new { Id = networkId, Name = "Network " + networkId, Now = now });
        await app.ExecuteSqlAsync("INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@Id, @UserId, @Now)",
            new { Id = networkId, UserId = organiser.Id, Now = now });
        if (organisationId is not null)
        {
            await app.ExecuteSqlAsync("""
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
}
