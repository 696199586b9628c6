using System.Net;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Submissions;

/// <summary>The signatories page and the invitations page, used as a browser without script would.</summary>
public sealed class CoSigningPagesTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task Two_organisations_co_sign_and_a_third_endorses_through_the_pages(Engine engine)
    {
        var app = apps.For(engine);
        var leadRep = await app.CreatePersonAsync();
        var lead = await app.CreateOrganisationAsync(leadRep, name: "Lead " + Guid.NewGuid().ToString("N")[..6]);
        var guestRep = await app.CreatePersonAsync();
        var guest = await app.CreateOrganisationAsync(guestRep, name: "Guest " + Guid.NewGuid().ToString("N")[..6]);
        var endorserRep = await app.CreatePersonAsync();
        var endorser = await app.CreateOrganisationAsync(endorserRep);
        var submission = await app.CreateSubmissionForCoSigningAsync(lead);
        var page = $"/Submissions/{submission}/Signatories";

        (await app.Client(guestRep).GetStringAsync(page, Ct)).ShouldNotContain("handler=Invite");
        var invalid = await app.Client(leadRep).SubmitAsync(page, [], "Invite");
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await invalid.TextAsync()).ShouldContain("organisationIds-error");
        (await app.SignatoryRowsAsync(submission)).ShouldBe(1);

        (await app.Client(leadRep).SubmitAsync(page, [new("organisationIds", guest.ToString())], "Invite")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.SignatoryStatusAsync(submission, guest)).ShouldBe("invited");
        (await app.Client().GetStringAsync(page, Ct)).ShouldNotContain(guest.ToString());

        (await app.Client(guestRep).GetStringAsync($"/Organisations/{guest}/CoSigning", Ct)).ShouldContain($"/Submissions/{submission}/Signatories");
        using (var refused = await app.Client(leadRep).GetAsync($"/Organisations/{guest}/CoSigning", Ct))
        {
            refused.LandedOn().ShouldStartWith("/Error/403");
        }
        (await app.Client(guestRep).SubmitAsync(page, [new("organisationId", guest.ToString()), new("accept", "true")], "Respond"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.SignatoryStatusAsync(submission, guest)).ShouldBe("signed");
        (await app.Client().GetStringAsync(page, Ct)).ShouldContain(guest.ToString());

        (await app.Client(endorserRep).SubmitAsync(page, [new("organisationId", endorser.ToString())], "Endorse")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.EndorsementRowsAsync(submission)).ShouldBe(1);
        (await app.Client().GetStringAsync(page, Ct)).ShouldContain(endorser.ToString());

        (await app.Client().GetAsync($"/Submissions/{Guid.NewGuid()}/Signatories", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, BothEngines]
    public async Task The_signatories_page_is_translated(Engine engine)
    {
        var app = apps.For(engine);
        var lead = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        var submission = await app.CreateSubmissionForCoSigningAsync(lead);
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        WebUtility.HtmlDecode(await client.GetStringAsync($"/Submissions/{submission}/Signatories", Ct)).ShouldContain("Signataires");
        WebUtility.HtmlDecode(await client.GetStringAsync("/Submissions", Ct)).ShouldContain("Rechercher");
    }
}
