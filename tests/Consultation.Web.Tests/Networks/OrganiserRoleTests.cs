using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Web.Features.Networks;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Networks;

/// <summary>Granting and revoking the organiser role; a network always keeps one organiser.</summary>
public sealed class OrganiserRoleTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static Task<long> OrganiserCountAsync(TestApp app, Guid networkId) =>
        app.ScalarAsync<long>("SELECT COUNT(*) FROM network_organiser WHERE network_id = @NetworkId", new { NetworkId = networkId });

    [Theory, BothEngines]
    public async Task An_organiser_makes_a_member_organisations_person_an_organiser_once(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var (representative, organisation) = await app.JoinAsync(network);
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(organisation, member);
        var organiser = app.Client(network.Organiser);

        var before = await organiser.GetFromJsonAsync<GetNetworkForOrganisers.Result>($"/api/networks/{network.Id}/organiser-view", Ct);
        before!.Eligible.Select(p => p.UserId).ShouldBe([representative.Id, member.Id], ignoreOrder: true);

        (await organiser.StatusOfAsync(HttpMethod.Put, $"/api/networks/{network.Id}/organisers/{representative.Id}")).ShouldBe(HttpStatusCode.NoContent);
        (await organiser.StatusOfAsync(HttpMethod.Put, $"/api/networks/{network.Id}/organisers/{representative.Id}")).ShouldBe(HttpStatusCode.NoContent);
        (await organiser.StatusOfAsync(HttpMethod.Put, $"/api/networks/{network.Id}/organisers/{member.Id}")).ShouldBe(HttpStatusCode.NoContent);

        var after = await organiser.GetFromJsonAsync<GetNetworkForOrganisers.Result>($"/api/networks/{network.Id}/organiser-view", Ct);
        after!.Organisers.Select(p => p.UserId).ShouldBe([network.Organiser.Id, representative.Id, member.Id], ignoreOrder: true);
        after.Eligible.ShouldBeEmpty();
        (await app.AuditCountAsync(network.Id, NetworkAudit.OrganiserGranted)).ShouldBe(2);
    }

    [Theory, BothEngines]
    public async Task Someone_outside_the_member_organisations_cannot_become_an_organiser(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var outsider = await app.CreatePersonAsync();
        await app.CreateOrganisationAsync(outsider);
        var (applicant, _) = await app.RequestToJoinAsync(network);

        foreach (var person in new[] { outsider, applicant })
        {
            using var response = await app.Client(network.Organiser).PutAsync($"/api/networks/{network.Id}/organisers/{person.Id}", null, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("userId", out _).ShouldBeTrue();
        }
        (await OrganiserCountAsync(app, network.Id)).ShouldBe(1);
        (await app.AuditCountAsync(network.Id, NetworkAudit.OrganiserGranted)).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Only_organisers_with_two_factors_grant_or_revoke(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var (representative, _) = await app.JoinAsync(network);
        var withoutTwoFactor = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(network.FoundingOrganisationId, withoutTwoFactor);
        await app.ExecuteSqlAsync("INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@Id, @UserId, @Now)",
            new { network.Id, UserId = withoutTwoFactor.Id, Now = app.Clock.GetUtcNow() });
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var grant = $"/api/networks/{network.Id}/organisers/{representative.Id}";
        var revoke = $"/api/networks/{network.Id}/organisers/{network.Organiser.Id}";

        (await app.Client().StatusOfAsync(HttpMethod.Put, grant)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(representative).StatusOfAsync(HttpMethod.Put, grant)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(withoutTwoFactor).StatusOfAsync(HttpMethod.Put, grant)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(admin).StatusOfAsync(HttpMethod.Put, grant)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client().StatusOfAsync(HttpMethod.Delete, revoke)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(representative).StatusOfAsync(HttpMethod.Delete, revoke)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(withoutTwoFactor).StatusOfAsync(HttpMethod.Delete, revoke)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(withoutTwoFactor).GetAsync($"/api/networks/{network.Id}/organiser-view", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await OrganiserCountAsync(app, network.Id)).ShouldBe(2);
    }

    [Theory, BothEngines]
    public async Task The_last_organiser_stays_and_an_unknown_one_is_not_found(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var (representative, _) = await app.JoinAsync(network);
        var organiser = app.Client(network.Organiser);

        (await organiser.StatusOfAsync(HttpMethod.Delete, $"/api/networks/{network.Id}/organisers/{network.Organiser.Id}")).ShouldBe(HttpStatusCode.Conflict);
        (await organiser.StatusOfAsync(HttpMethod.Delete, $"/api/networks/{network.Id}/organisers/{representative.Id}")).ShouldBe(HttpStatusCode.NotFound);
        (await organiser.StatusOfAsync(HttpMethod.Put, $"/api/networks/{network.Id}/organisers/{representative.Id}")).ShouldBe(HttpStatusCode.NoContent);
        // An organiser may step down once someone else organises.
        (await organiser.StatusOfAsync(HttpMethod.Delete, $"/api/networks/{network.Id}/organisers/{network.Organiser.Id}")).ShouldBe(HttpStatusCode.NoContent);

        (await OrganiserCountAsync(app, network.Id)).ShouldBe(1);
        (await app.AuditCountAsync(network.Id, NetworkAudit.OrganiserRevoked)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Two_organisers_revoking_each_other_at_once_leave_one_organiser(Engine engine)
    {
        var app = apps.For(engine);
        var first = await app.CreatePersonAsync(twoFactor: true);
        var second = await app.CreatePersonAsync(twoFactor: true);
        var organisation = await app.CreateOrganisationAsync(first);
        await app.AddOrganisationMemberAsync(organisation, second);
        for (var round = 0; round < 5; round++)
        {
            var network = await app.SendAsync(first, new CreateNetwork.Command(organisation, $"Race {round}", null));
            await app.SendAsync(first, new GrantOrganiserRole.Command(network.Id, second.Id));

            var outcomes = await Task.WhenAll(
                app.Client(first).StatusOfAsync(HttpMethod.Delete, $"/api/networks/{network.Id}/organisers/{second.Id}"),
                app.Client(second).StatusOfAsync(HttpMethod.Delete, $"/api/networks/{network.Id}/organisers/{first.Id}"));

            (await OrganiserCountAsync(app, network.Id)).ShouldBe(1);
            // The loser either found the network down to its last organiser, or had just lost the role itself.
            outcomes.Count(s => s == HttpStatusCode.NoContent).ShouldBe(1);
        }
    }
}
