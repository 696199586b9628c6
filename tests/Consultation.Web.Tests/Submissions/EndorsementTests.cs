using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Submissions;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Submissions;

public sealed class EndorsementTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task A_verified_organisation_that_did_not_sign_endorses_once_and_withdraws(Engine engine)
    {
        var app = apps.For(engine);
        var leadRep = await app.CreatePersonAsync();
        var lead = await app.CreateOrganisationAsync(leadRep);
        var submission = await app.CreateSubmissionForCoSigningAsync(lead);
        var endorserRep = await app.CreatePersonAsync();
        var endorser = await app.CreateOrganisationAsync(endorserRep);
        var url = $"/api/submissions/{submission}/endorsements";

        (await app.Client(endorserRep).StatusOfAsync(HttpMethod.Post, url, new { organisationId = endorser })).ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(endorserRep).StatusOfAsync(HttpMethod.Post, url, new { organisationId = endorser })).ShouldBe(HttpStatusCode.NoContent);
        (await app.EndorsementRowsAsync(submission)).ShouldBe(1);

        var listed = await app.Client().GetFromJsonAsync<List<ListEndorsements.Endorsement>>(url, Ct);
        listed!.Single().OrganisationId.ShouldBe(endorser);

        (await app.Client(leadRep).StatusOfAsync(HttpMethod.Delete, $"{url}/{endorser}")).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(endorserRep).StatusOfAsync(HttpMethod.Delete, $"{url}/{endorser}")).ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(endorserRep).StatusOfAsync(HttpMethod.Delete, $"{url}/{endorser}")).ShouldBe(HttpStatusCode.NotFound);
        (await app.EndorsementRowsAsync(submission)).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Signatories_unverified_organisations_strangers_and_anonymous_callers_cannot_endorse(Engine engine)
    {
        var app = apps.For(engine);
        var leadRep = await app.CreatePersonAsync();
        var lead = await app.CreateOrganisationAsync(leadRep);
        var submission = await app.CreateSubmissionForCoSigningAsync(lead);
        var signerRep = await app.CreatePersonAsync();
        var signer = await app.CreateOrganisationAsync(signerRep);
        await app.AddCoSignerAsync(submission, signer);
        var pendingRep = await app.CreatePersonAsync();
        var pending = await app.CreateOrganisationAsync(pendingRep, verified: false);
        var member = await app.CreatePersonAsync();
        var other = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        await app.AddOrganisationMemberAsync(other, member);
        var url = $"/api/submissions/{submission}/endorsements";

        (await app.Client().StatusOfAsync(HttpMethod.Post, url, new { organisationId = other })).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(member).StatusOfAsync(HttpMethod.Post, url, new { organisationId = other })).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(pendingRep).StatusOfAsync(HttpMethod.Post, url, new { organisationId = pending })).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(leadRep).StatusOfAsync(HttpMethod.Post, url, new { organisationId = lead })).ShouldBe(HttpStatusCode.Conflict);
        (await app.Client(signerRep).StatusOfAsync(HttpMethod.Post, url, new { organisationId = signer })).ShouldBe(HttpStatusCode.Conflict);
        (await app.Client(signerRep).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{Guid.NewGuid()}/endorsements", new { organisationId = signer }))
            .ShouldBe(HttpStatusCode.NotFound);
        (await app.EndorsementRowsAsync(submission)).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Only_submitted_submissions_can_be_endorsed(Engine engine)
    {
        var app = apps.For(engine);
        var lead = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        var withdrawn = await app.CreateSubmissionForCoSigningAsync(lead, row: new(Status: "withdrawn"));
        var draft = await app.CreateSubmissionForCoSigningAsync(lead, row: new(Status: "draft"));
        var endorserRep = await app.CreatePersonAsync();
        var endorser = await app.CreateOrganisationAsync(endorserRep);

        (await app.Client(endorserRep).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{withdrawn}/endorsements", new { organisationId = endorser }))
            .ShouldBe(HttpStatusCode.Conflict);
        (await app.Client(endorserRep).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{draft}/endorsements", new { organisationId = endorser }))
            .ShouldBe(HttpStatusCode.NotFound);
        (await app.EndorsementRowsAsync(withdrawn)).ShouldBe(0);
        (await app.EndorsementRowsAsync(draft)).ShouldBe(0);
    }
}
