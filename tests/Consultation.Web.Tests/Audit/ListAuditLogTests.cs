using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Audit;
using Consultation.Web.Features.Networks;
using Consultation.Web.Infrastructure.Web;
using Consultation.Web.Tests.Networks;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Audit;

public sealed class ListAuditLogTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task An_admin_with_two_factors_reads_an_objects_entries_newest_first(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var network = await app.CreateNetworkAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, organisation) = await app.JoinAsync(network);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.SendAsync(network.Organiser, new RemoveMemberOrganisation.Command(network.Id, organisation, "Duplicate"));

        var entries = await app.Client(admin).GetFromJsonAsync<Paged<ListAuditLog.Entry>>(
            $"/api/audit?objectType=network&objectId={network.Id}", Ct);

        entries!.Items.Select(e => e.Action).ShouldBe([NetworkAudit.MemberRemoved, NetworkAudit.MembershipApproved, NetworkAudit.Created]);
        entries.Items.ShouldAllBe(e => e.ActorUserId == network.Organiser.Id && e.ActorDisplayName == network.Organiser.DisplayName);
        var byActor = await app.SendAsync(admin, new ListAuditLog.Query(null, null, network.Organiser.Id, null, null));
        byActor.Total.ShouldBe(3);
    }

    [Theory, BothEngines]
    public async Task The_date_range_includes_both_days(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var network = await app.CreateNetworkAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        (await app.SendAsync(admin, new ListAuditLog.Query(null, network.Id, null, today, today))).Total.ShouldBe(1);
        (await app.SendAsync(admin, new ListAuditLog.Query(null, network.Id, null, today.AddDays(1), null))).Total.ShouldBe(0);
        (await app.SendAsync(admin, new ListAuditLog.Query(null, network.Id, null, null, today.AddDays(-1)))).Total.ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Only_admins_with_two_factors_read_it(Engine engine)
    {
        var app = apps.For(engine);
        var adminWithoutTwoFactor = await app.CreatePersonAsync(admin: true);
        var organiser = (await app.CreateNetworkAsync()).Organiser;

        (await app.Client().GetAsync("/api/audit", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(organiser).GetAsync("/api/audit", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(adminWithoutTwoFactor).GetAsync("/api/audit", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, BothEngines]
    public async Task Bad_filters_are_a_400(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);

        (await app.Client(admin).GetAsync("/api/audit?from=2026-02-01&to=2026-01-01", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client(admin).GetAsync("/api/audit?page=0", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client(admin).GetAsync("/api/audit?objectId=not-an-id", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, BothEngines]
    public async Task The_page_shows_entries_to_admins_and_refuses_others(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var network = await app.CreateNetworkAsync();

        var html = await app.Client(admin).GetStringAsync($"/Admin/Audit?ObjectId={network.Id}", Ct);
        using var badFilter = await app.Client(admin).GetAsync("/Admin/Audit?From=2026-02-01&To=2026-01-01", Ct);
        using var anonymous = await app.Client().GetAsync("/Admin/Audit", Ct);
        using var organiser = await app.Client(network.Organiser).GetAsync("/Admin/Audit", Ct);

        html.ShouldContain(NetworkAudit.Created);
        badFilter.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await badFilter.Content.ReadAsStringAsync(Ct)).ShouldContain("The end date must not be before the start date.");
        anonymous.LandedOn().ShouldStartWith("/Accounts/SignIn");
        organiser.LandedOn().ShouldStartWith("/Error/403");
    }
}
