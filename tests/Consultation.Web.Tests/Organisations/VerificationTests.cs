using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Tests.Support;
using static Consultation.Web.Tests.Organisations.OrganisationFixtures;

namespace Consultation.Web.Tests.Organisations;

public sealed class VerificationTests(TestApps apps)
{
    [Theory, BothEngines]
    public async Task Admins_with_two_factors_verify_and_the_audit_log_records_it(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var id = await app.RegisterAsync(representative);
        var url = $"/api/organisations/{id}/verification";

        (await app.Client().PostAsync(url, null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(representative).PostAsync(url, null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(await app.CreatePersonAsync(admin: true)).PostAsync(url, null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(await app.CreatePersonAsync(twoFactor: true, admin: true)).PostAsync($"/api/organisations/{Guid.NewGuid()}/verification", null, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.StatusAsync(id)).ShouldBe("pending");
        (await app.AuditCountAsync("organisation.verified", id)).ShouldBe(0);

        var admin = app.Client(await app.CreatePersonAsync(twoFactor: true, admin: true));
        (await admin.PostAsync(url, null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await app.StatusAsync(id)).ShouldBe("verified");
        (await app.AuditCountAsync("organisation.verified", id)).ShouldBe(1);
        (await admin.PostAsync(url, null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, BothEngines]
    public async Task Organisers_of_a_network_it_belongs_to_or_asked_to_join_verify_it_on_the_page(Engine engine)
    {
        var app = apps.For(engine);
        var id = await app.RegisterAsync(await app.CreatePersonAsync());
        var organiser = await app.CreatePersonAsync(twoFactor: true);
        var stranger = await app.CreatePersonAsync(twoFactor: true);
        await app.NetworkAsync(organiser, id, "requested");
        await app.NetworkAsync(stranger, null, null);

        (await app.Client(stranger).PostAsync($"/api/organisations/{id}/verification", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(stranger).GetStringAsync($"/Organisations/{id}", Ct)).ShouldNotContain("handler=Verify");

        var response = await app.Client(organiser).SubmitAsync($"/Organisations/{id}", [], "Verify");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.StatusAsync(id)).ShouldBe("verified");
        (await app.AuditCountAsync("organisation.verified", id)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task The_second_vouch_from_a_verified_organisation_verifies(Engine engine)
    {
        var app = apps.For(engine);
        var firstRep = await app.CreatePersonAsync();
        var secondRep = await app.CreatePersonAsync();
        var pendingRep = await app.CreatePersonAsync();
        var first = await app.RegisterVerifiedAsync(firstRep);
        var second = await app.RegisterVerifiedAsync(secondRep);
        var pendingVoucher = await app.RegisterAsync(pendingRep);
        var id = await app.RegisterAsync(await app.CreatePersonAsync());
        var url = $"/api/organisations/{id}/vouches";

        (await app.Client().PostAsJsonAsync(url, new { voucherOrganisationId = first }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(secondRep).PostAsJsonAsync(url, new { voucherOrganisationId = first }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(pendingRep).PostAsJsonAsync(url, new { voucherOrganisationId = pendingVoucher }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(firstRep).PostAsJsonAsync($"/api/organisations/{first}/vouches", new { voucherOrganisationId = first }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var once = await app.Client(firstRep).PostAsJsonAsync(url, new { voucherOrganisationId = first }, Ct);
        once.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await once.Content.ReadFromJsonAsync<Vouched>(Ct))!.Verified.ShouldBeFalse();
        (await app.Client(firstRep).PostAsJsonAsync(url, new { voucherOrganisationId = first }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.StatusAsync(id)).ShouldBe("pending");

        (await app.Client(secondRep).GetStringAsync($"/Organisations/{id}", Ct)).ShouldContain("handler=Vouch");
        var twice = await app.Client(secondRep).SubmitAsync($"/Organisations/{id}", [new("voucherId", second.ToString())], "Vouch");

        twice.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.StatusAsync(id)).ShouldBe("verified");
        (await app.AuditCountAsync("organisation.vouched", id)).ShouldBe(2);
        (await app.AuditCountAsync("organisation.verified", id)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Admins_suspend_with_an_audited_reason_and_reinstate(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync();
        var id = await app.RegisterVerifiedAsync(representative);
        var admin = app.Client(await app.CreatePersonAsync(twoFactor: true, admin: true));
        var url = $"/api/organisations/{id}/suspension";
        var reason = "Impersonates another group " + Guid.NewGuid().ToString("N");

        (await app.Client().PostAsJsonAsync(url, new { reason }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(representative).PostAsJsonAsync(url, new { reason }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync(url, new { reason = " " }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.StatusAsync(id)).ShouldBe("verified");
        (await app.AuditCountAsync("organisation.suspended", id)).ShouldBe(0);

        (await admin.PostAsJsonAsync(url, new { reason }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await app.StatusAsync(id)).ShouldBe("suspended");
        (await app.ScalarAsync<string>("SELECT details FROM audit_log WHERE action = 'organisation.suspended' AND object_id = @Id", new { Id = id }))
            .ShouldNotBeNull().ShouldContain(reason);
        (await app.Client(representative).ProfileAsync(id)).Private!.SuspensionReason.ShouldBe(reason);
        (await app.Client().GetStringAsync($"/api/organisations/{id}", Ct)).ShouldNotContain(reason);
        (await admin.PostAsJsonAsync(url, new { reason }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await app.Client(representative).DeleteAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.DeleteAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.StatusAsync(id)).ShouldBe("verified");
        (await app.AuditCountAsync("organisation.reinstated", id)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task The_suspend_form_shows_field_errors_and_writes_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var id = await app.RegisterAsync(await app.CreatePersonAsync());
        var admin = app.Client(await app.CreatePersonAsync(twoFactor: true, admin: true));

        var refused = await admin.SubmitAsync($"/Organisations/{id}", [new("Reason", "")], "Suspend");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Give the reason for the suspension.");
        (await app.StatusAsync(id)).ShouldBe("pending");

        (await admin.SubmitAsync($"/Organisations/{id}", [new("Reason", "Spam")], "Suspend")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.StatusAsync(id)).ShouldBe("suspended");
        (await admin.SubmitAsync($"/Organisations/{id}", [], "Reinstate")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.StatusAsync(id)).ShouldBe("pending"); // never verified, so back to pending
    }

    sealed record Vouched(bool Verified);
}
