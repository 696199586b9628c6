using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Web.Features.Networks;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Networks;

/// <summary>Asking to join, approving or declining, leaving, and removal by an organiser.</summary>
public sealed class MembershipTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task A_representative_asks_to_join_and_only_organisers_see_the_request(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var representative = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(representative, verified: false);
        var url = $"/api/networks/{network.Id}/requests";

        (await app.Client(representative).StatusOfAsync(HttpMethod.Post, url, new { organisationId = organisation })).ShouldBe(HttpStatusCode.Accepted);
        (await app.Client(representative).StatusOfAsync(HttpMethod.Post, url, new { organisationId = organisation })).ShouldBe(HttpStatusCode.Conflict);

        (await app.MembershipStatusAsync(network.Id, organisation)).ShouldBe("requested");
        var publicView = await app.Client().GetFromJsonAsync<GetNetwork.Result>($"/api/networks/{network.Id}", Ct);
        publicView!.Members.Select(m => m.Id).ShouldNotContain(organisation);
        var ownView = await app.Client(representative).GetFromJsonAsync<GetNetwork.Result>($"/api/networks/{network.Id}", Ct);
        ownView!.CallerOrganisations.ShouldHaveSingleItem().Status.ShouldBe("requested");
        var organiserView = await app.Client(network.Organiser).GetFromJsonAsync<GetNetworkForOrganisers.Result>(
            $"/api/networks/{network.Id}/organiser-view", Ct);
        organiserView!.PendingRequests.ShouldHaveSingleItem().OrganisationId.ShouldBe(organisation);
        (await app.Client(representative).StatusOfAsync(HttpMethod.Get, $"/api/networks/{network.Id}/organiser-view")).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client().StatusOfAsync(HttpMethod.Get, $"/api/networks/{network.Id}/organiser-view")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, BothEngines]
    public async Task Only_a_representative_may_ask_and_the_network_must_exist(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var representative = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(representative);
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(organisation, member);
        var url = $"/api/networks/{network.Id}/requests";
        var body = new { organisationId = organisation };

        (await app.Client().StatusOfAsync(HttpMethod.Post, url, body)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(member).StatusOfAsync(HttpMethod.Post, url, body)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(representative).StatusOfAsync(HttpMethod.Post, $"/api/networks/{Guid.NewGuid()}/requests", body)).ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(representative).StatusOfAsync(HttpMethod.Post, url, new { organisationId = Guid.Empty })).ShouldBe(HttpStatusCode.BadRequest);
        (await app.MembershipStatusAsync(network.Id, organisation)).ShouldBeNull();
    }

    [Theory, BothEngines]
    public async Task An_organiser_with_two_factors_approves_or_declines_and_it_is_audited(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var (approvedRepresentative, approved) = await app.RequestToJoinAsync(network);
        var (declinedRepresentative, declined) = await app.RequestToJoinAsync(network);
        var organiser = app.Client(network.Organiser);

        (await organiser.StatusOfAsync(HttpMethod.Post, $"/api/networks/{network.Id}/requests/{approved}/approve")).ShouldBe(HttpStatusCode.NoContent);
        (await organiser.StatusOfAsync(HttpMethod.Post, $"/api/networks/{network.Id}/requests/{declined}/decline")).ShouldBe(HttpStatusCode.NoContent);
        (await organiser.StatusOfAsync(HttpMethod.Post, $"/api/networks/{network.Id}/requests/{approved}/decline")).ShouldBe(HttpStatusCode.NotFound);

        (await app.MembershipStatusAsync(network.Id, approved)).ShouldBe("member");
        (await app.MembershipStatusAsync(network.Id, declined)).ShouldBe("declined");
        (await app.AuditCountAsync(network.Id, NetworkAudit.MembershipApproved)).ShouldBe(1);
        (await app.AuditCountAsync(network.Id, NetworkAudit.MembershipDeclined)).ShouldBe(1);
        (await app.ScalarAsync<Guid>("SELECT actor_user_id FROM audit_log WHERE object_id = @Id AND action = @Action",
            new { network.Id, Action = NetworkAudit.MembershipApproved })).ShouldBe(network.Organiser.Id);

        // A declined organisation may ask again; an approved one is told it is already a member.
        (await app.Client(declinedRepresentative).StatusOfAsync(HttpMethod.Post, $"/api/networks/{network.Id}/requests", new { organisationId = declined }))
            .ShouldBe(HttpStatusCode.Accepted);
        (await app.MembershipStatusAsync(network.Id, declined)).ShouldBe("requested");
        (await app.Client(approvedRepresentative).StatusOfAsync(HttpMethod.Post, $"/api/networks/{network.Id}/requests", new { organisationId = approved }))
            .ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, BothEngines]
    public async Task Only_organisers_with_two_factors_decide(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var (representative, organisation) = await app.RequestToJoinAsync(network);
        var withoutTwoFactor = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(network.FoundingOrganisationId, withoutTwoFactor);
        await app.ExecuteSqlAsync("INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@Id, @UserId, @Now)",
            new { network.Id, UserId = withoutTwoFactor.Id, Now = app.Clock.GetUtcNow() });
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var url = $"/api/networks/{network.Id}/requests/{organisation}/approve";

        (await app.Client().StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(representative).StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(withoutTwoFactor).StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(admin).StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.Forbidden);

        (await app.MembershipStatusAsync(network.Id, organisation)).ShouldBe("requested");
        (await app.AuditCountAsync(network.Id, NetworkAudit.MembershipApproved)).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task A_representative_takes_their_organisation_out(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var (representative, organisation) = await app.JoinAsync(network);
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(organisation, member);
        var url = $"/api/networks/{network.Id}/members/{organisation}";

        (await app.Client().StatusOfAsync(HttpMethod.Delete, url)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(member).StatusOfAsync(HttpMethod.Delete, url)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(network.Organiser).StatusOfAsync(HttpMethod.Delete, url)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.MembershipStatusAsync(network.Id, organisation)).ShouldBe("member");

        (await app.Client(representative).StatusOfAsync(HttpMethod.Delete, url)).ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(representative).StatusOfAsync(HttpMethod.Delete, url)).ShouldBe(HttpStatusCode.NotFound);
        (await app.MembershipStatusAsync(network.Id, organisation)).ShouldBeNull();
        (await app.AuditCountAsync(network.Id, NetworkAudit.MemberLeft)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task An_organiser_removes_a_member_with_a_reason_that_is_audited(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var (representative, organisation) = await app.JoinAsync(network);
        var url = $"/api/networks/{network.Id}/members/{organisation}/removal";

        using var blank = await app.Client(network.Organiser).PostAsJsonAsync(url, new { reason = "  " }, Ct);
        blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await blank.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await app.Client(network.Organiser).StatusOfAsync(HttpMethod.Post, url,
            new { reason = new string('r', RemoveMemberOrganisation.ReasonMaxLength + 1) })).ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client().StatusOfAsync(HttpMethod.Post, url, new { reason = "Spam" })).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(representative).StatusOfAsync(HttpMethod.Post, url, new { reason = "Spam" })).ShouldBe(HttpStatusCode.Forbidden);
        (await app.MembershipStatusAsync(network.Id, organisation)).ShouldBe("member");

        (await app.Client(network.Organiser).StatusOfAsync(HttpMethod.Post, url, new { reason = "Impersonates a migrant-led group" }))
            .ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(network.Organiser).StatusOfAsync(HttpMethod.Post, url, new { reason = "Again" })).ShouldBe(HttpStatusCode.NotFound);

        (await app.MembershipStatusAsync(network.Id, organisation)).ShouldBeNull();
        var details = await app.ScalarAsync<string>("SELECT details FROM audit_log WHERE object_id = @Id AND action = @Action",
            new { network.Id, Action = NetworkAudit.MemberRemoved });
        details.ShouldNotBeNull().ShouldContain("Impersonates a migrant-led group");
        details.ShouldContain(organisation.ToString());
    }

    [Theory, BothEngines]
    public async Task The_removal_page_asks_for_a_reason_and_is_for_organisers_only(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var (representative, organisation) = await app.JoinAsync(network);
        var page = $"/Networks/{network.Id}/Members/{organisation}/Remove";
        var organiser = app.Client(network.Organiser);

        using (var refused = await app.Client(representative).GetAsync(page, Ct))
        {
            refused.LandedOn().ShouldStartWith("/Error/403");
        }
        using (var blank = await organiser.SubmitAsync(page, new Dictionary<string, string> { ["Reason"] = "" }))
        {
            blank.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await blank.Content.ReadAsStringAsync(Ct)).ShouldContain("Say why the organisation is removed.");
        }
        (await app.MembershipStatusAsync(network.Id, organisation)).ShouldBe("member");

        using var removed = await organiser.SubmitAsync(page, new Dictionary<string, string> { ["Reason"] = "Left the region" });
        removed.LandedOn().ShouldBe($"/Networks/{network.Id}");
        (await app.MembershipStatusAsync(network.Id, organisation)).ShouldBeNull();
    }

    [Theory, BothEngines]
    public async Task The_network_page_lets_organisers_approve_without_javascript(Engine engine)
    {
        var app = apps.For(engine);
        var network = await app.CreateNetworkAsync();
        var (_, organisation) = await app.RequestToJoinAsync(network);
        var page = $"/Networks/{network.Id}";

        var anonymousHtml = await app.Client().GetStringAsync(page, Ct);
        anonymousHtml.ShouldNotContain("Requests to join");

        var withoutTwoFactor = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(network.FoundingOrganisationId, withoutTwoFactor);
        await app.ExecuteSqlAsync("INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@Id, @UserId, @Now)",
            new { network.Id, UserId = withoutTwoFactor.Id, Now = app.Clock.GetUtcNow() });
        var promptedHtml = await app.Client(withoutTwoFactor).GetStringAsync(page, Ct);
        promptedHtml.ShouldContain("Turn on two-factor sign-in to act as an organiser.");
        promptedHtml.ShouldNotContain("Requests to join");

        using var approved = await app.Client(network.Organiser).SubmitAsync(page,
            new Dictionary<string, string> { ["organisationId"] = organisation.ToString() }, handler: "Approve");
        approved.LandedOn().ShouldBe(page);
        (await app.MembershipStatusAsync(network.Id, organisation)).ShouldBe("member");
    }
}
