using System.Net;
using System.Net.Http.Json;
using System.Web;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Tests.Support;
using static Consultation.Web.Tests.Organisations.OrganisationFixtures;

namespace Consultation.Web.Tests.Organisations;

public sealed class MembershipTests(TestApps apps)
{
    [Theory, BothEngines]
    public async Task An_emailed_invitation_link_lets_anyone_signed_in_join_once(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var id = await app.RegisterAsync(representative);
        var invitedAddress = $"invitee-{Guid.NewGuid():N}@example.org";

        var response = await app.Client(representative).PostAsJsonAsync($"/api/organisations/{id}/invitations",
            new { email = invitedAddress, role = "member" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var link = (await app.LatestToAsync(invitedAddress, Ct)).LinkTo("/Organisations/Invitations/Accept");
        var token = HttpUtility.ParseQueryString(link.Query)["token"]!;
        (await app.ScalarAsync<string>("SELECT token_hash FROM organisation_invitation WHERE organisation_id = @Id", new { Id = id }))
            .ShouldBe(InvitationToken.Hash(token)); // only the hash is kept

        // The person signs in with another address: holding the token is the proof.
        var invitee = await app.CreatePersonAsync();
        var anonymousVisit = await app.Client().GetAsync(link.PathAndQuery, Ct);
        anonymousVisit.Headers.Location!.ToString().ShouldContain("/Accounts/SignIn");
        var joined = await app.Client(invitee).SubmitAsync(link.PathAndQuery, [new("Token", token)]);

        joined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        joined.Headers.Location!.ToString().ShouldBe($"/Organisations/{id}");
        (await app.Client(invitee).ProfileAsync(id)).Viewer.Role.ShouldBe("member");

        var again = await app.Client(await app.CreatePersonAsync()).PostAsJsonAsync("/api/organisations/invitations/accept", new { token }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Theory, BothEngines]
    public async Task Invitations_expire_after_fourteen_days_and_need_a_signed_in_person(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var id = await app.RegisterAsync(representative);
        var address = $"late-{Guid.NewGuid():N}@example.org";
        var invited = await app.Client(representative).PostAsJsonAsync($"/api/organisations/{id}/invitations", new { email = address, role = "representative" }, Ct);
        var invitation = (await invited.Content.ReadFromJsonAsync<InviteMember.Result>(Ct))!;
        invitation.ExpiresAt.ShouldBe(app.Clock.GetUtcNow().AddDays(14), TimeSpan.FromSeconds(1));
        var token = HttpUtility.ParseQueryString((await app.LatestToAsync(address, Ct)).LinkTo("/Organisations/Invitations/Accept").Query)["token"]!;

        (await app.Client().PostAsJsonAsync("/api/organisations/invitations/accept", new { token }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(representative).PostAsJsonAsync("/api/organisations/invitations/accept", new { token = "forged" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await app.ExecuteSqlAsync("UPDATE organisation_invitation SET expires_at = @Past WHERE id = @Id",
            new { Past = app.Clock.GetUtcNow().AddMinutes(-1), Id = invitation.InvitationId });
        var late = await app.CreatePersonAsync();

        (await app.Client(late).PostAsJsonAsync("/api/organisations/invitations/accept", new { token }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await app.Client(late).ProfileAsync(id)).Viewer.Role.ShouldBeNull();
    }

    [Theory, BothEngines]
    public async Task Only_representatives_invite_and_bad_invitations_write_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var member = await app.CreatePersonAsync();
        var id = await app.RegisterAsync(representative);
        await app.AddOrganisationMemberAsync(id, member);
        var invitation = new { email = "someone@example.org", role = "member" };

        (await app.Client().PostAsJsonAsync($"/api/organisations/{id}/invitations", invitation, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(member).PostAsJsonAsync($"/api/organisations/{id}/invitations", invitation, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(representative).PostAsJsonAsync($"/api/organisations/{id}/invitations", new { email = "nope", role = "owner" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.ScalarAsync<int>("SELECT COUNT(*) FROM organisation_invitation WHERE organisation_id = @Id", new { Id = id })).ShouldBe(0);

        var page = await app.Client(representative).SubmitAsync($"/Organisations/{id}/Invite", [new("Email", "friend@example.org"), new("Role", "member")]);
        page.Headers.Location!.ToString().ShouldBe($"/Organisations/{id}");
        (await app.LatestToAsync("friend@example.org", Ct)).ShouldContain("/Organisations/Invitations/Accept?token=");
    }

    [Theory, BothEngines]
    public async Task The_last_representative_cannot_leave_be_removed_or_be_demoted(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var member = await app.CreatePersonAsync();
        var id = await app.RegisterAsync(representative);
        await app.AddOrganisationMemberAsync(id, member);
        var rep = app.Client(representative);

        (await rep.PostAsync($"/api/organisations/{id}/leave", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await rep.DeleteAsync($"/api/organisations/{id}/members/{representative.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await rep.PutAsJsonAsync($"/api/organisations/{id}/members/{representative.Id}/role", new { role = "member" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var browser = app.Client(representative);
        var page = await browser.SubmitAsync($"/Organisations/{id}", [], "Leave");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetStringAsync($"/Organisations/{id}", Ct)).ShouldContain("must keep at least one representative");
        (await rep.ProfileAsync(id)).Viewer.Role.ShouldBe("representative");

        // With a second representative, the first may step down.
        (await rep.PutAsJsonAsync($"/api/organisations/{id}/members/{member.Id}/role", new { role = "representative" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await rep.PutAsJsonAsync($"/api/organisations/{id}/members/{representative.Id}/role", new { role = "member" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await rep.PostAsync($"/api/organisations/{id}/leave", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(member).ProfileAsync(id)).Private!.Members.ShouldHaveSingleItem().Role.ShouldBe("representative");
    }

    [Theory, BothEngines]
    public async Task Two_representatives_demoting_each_other_at_once_leave_one(Engine engine)
    {
        var app = apps.For(engine);
        var first = await app.CreatePersonAsync();
        var second = await app.CreatePersonAsync();
        var id = await app.RegisterAsync(first);
        await app.AddOrganisationMemberAsync(id, second, "representative");

        var results = await Task.WhenAll(
            app.Client(first).PutAsJsonAsync($"/api/organisations/{id}/members/{second.Id}/role", new { role = "member" }, Ct),
            app.Client(second).PutAsJsonAsync($"/api/organisations/{id}/members/{first.Id}/role", new { role = "member" }, Ct));

        results.Select(r => r.StatusCode).Count(s => s == HttpStatusCode.NoContent).ShouldBeLessThanOrEqualTo(1);
        (await app.ScalarAsync<int>("SELECT COUNT(*) FROM organisation_member WHERE organisation_id = @Id AND role = 'representative'", new { Id = id }))
            .ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Members_leave_and_only_representatives_remove_or_change_roles(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var member = await app.CreatePersonAsync();
        var other = await app.CreatePersonAsync();
        var id = await app.RegisterAsync(representative);
        await app.AddOrganisationMemberAsync(id, member);
        await app.AddOrganisationMemberAsync(id, other);

        (await app.Client(member).DeleteAsync($"/api/organisations/{id}/members/{other.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(member).PutAsJsonAsync($"/api/organisations/{id}/members/{member.Id}/role", new { role = "representative" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client().PostAsync($"/api/organisations/{id}/leave", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(await app.CreatePersonAsync()).PostAsync($"/api/organisations/{id}/leave", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(representative).PutAsJsonAsync($"/api/organisations/{id}/members/{member.Id}/role", new { role = "owner" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client(representative).DeleteAsync($"/api/organisations/{id}/members/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await app.Client(member).PostAsync($"/api/organisations/{id}/leave", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var removed = await app.Client(representative).SubmitAsync($"/Organisations/{id}", [new("userId", other.Id.ToString())], "Remove");
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.Client(representative).ProfileAsync(id)).Private!.Members.Select(m => m.UserId).ShouldBe([representative.Id]);
    }
}
