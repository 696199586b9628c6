using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Submissions;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Submissions;

public sealed class CoSigningTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed record Joint(TestPerson LeadRep, Guid Lead, TestPerson GuestRep, Guid Guest, Guid Submission);

    static async Task<Joint> JointAsync(TestApp app, string status = "submitted")
    {
        var leadRep = await app.CreatePersonAsync();
        var guestRep = await app.CreatePersonAsync();
        var lead = await app.CreateOrganisationAsync(leadRep);
        var guest = await app.CreateOrganisationAsync(guestRep);
        var submission = await app.CreateSubmissionForCoSigningAsync(lead, row: new(Status: status));
        return new(leadRep, lead, guestRep, guest, submission);
    }

    [Theory, BothEngines]
    public async Task The_lead_invites_verified_organisations_and_their_representatives_are_emailed(Engine engine)
    {
        var app = apps.For(engine);
        var j = await JointAsync(app);
        var secondRep = await app.CreatePersonAsync();
        var second = await app.CreateOrganisationAsync(secondRep);
        var url = $"/api/submissions/{j.Submission}/signatories";

        var response = await app.Client(j.LeadRep).PostAsJsonAsync(url, new { organisationIds = new[] { j.Guest, second } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.SignatoryStatusAsync(j.Submission, j.Guest)).ShouldBe("invited");
        (await app.SignatoryStatusAsync(j.Submission, second)).ShouldBe("invited");
        (await app.LatestToAsync(j.GuestRep.Email, Ct)).LinkTo($"/Organisations/{j.Guest}/CoSigning");
        (await app.LatestToAsync(secondRep.Email, Ct)).LinkTo($"/Organisations/{second}/CoSigning");
    }

    [Theory, BothEngines]
    public async Task Only_the_leads_representatives_invite_and_bad_invitations_write_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var j = await JointAsync(app);
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(j.Lead, member);
        var pending = await app.CreateOrganisationAsync(await app.CreatePersonAsync(), verified: false);
        var url = $"/api/submissions/{j.Submission}/signatories";
        var body = new { organisationIds = new[] { j.Guest } };

        (await app.Client().StatusOfAsync(HttpMethod.Post, url, body)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(member).StatusOfAsync(HttpMethod.Post, url, body)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(j.GuestRep).StatusOfAsync(HttpMethod.Post, url, body)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(j.LeadRep).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{Guid.NewGuid()}/signatories", body)).ShouldBe(HttpStatusCode.NotFound);
        var lead = app.Client(j.LeadRep);
        (await lead.StatusOfAsync(HttpMethod.Post, url, new { organisationIds = Array.Empty<Guid>() })).ShouldBe(HttpStatusCode.BadRequest);
        (await lead.StatusOfAsync(HttpMethod.Post, url, new { organisationIds = new[] { j.Guest, j.Guest } })).ShouldBe(HttpStatusCode.BadRequest);
        (await lead.StatusOfAsync(HttpMethod.Post, url, new { organisationIds = new[] { j.Guest, pending } })).ShouldBe(HttpStatusCode.BadRequest);
        (await lead.StatusOfAsync(HttpMethod.Post, url, new { organisationIds = new[] { j.Guest, Guid.NewGuid() } })).ShouldBe(HttpStatusCode.BadRequest);
        (await lead.StatusOfAsync(HttpMethod.Post, url, new { organisationIds = new[] { j.Lead } })).ShouldBe(HttpStatusCode.BadRequest);

        (await app.SignatoryRowsAsync(j.Submission)).ShouldBe(1);

        (await lead.StatusOfAsync(HttpMethod.Post, url, body)).ShouldBe(HttpStatusCode.NoContent);
        (await lead.StatusOfAsync(HttpMethod.Post, url, body)).ShouldBe(HttpStatusCode.BadRequest);
        (await app.SignatoryRowsAsync(j.Submission)).ShouldBe(2);
    }

    [Theory, BothEngines]
    public async Task Outsiders_inviting_to_a_draft_or_hidden_submission_learn_nothing_of_it(Engine engine)
    {
        var app = apps.For(engine);
        var j = await JointAsync(app, status: "draft");
        var hidden = await app.CreateSubmissionForCoSigningAsync(j.Lead, row: new(Hidden: true));
        var body = new { organisationIds = new[] { j.Guest } };

        foreach (var id in new[] { j.Submission, hidden })
        {
            (await app.Client(j.GuestRep).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{id}/signatories", body)).ShouldBe(HttpStatusCode.NotFound);
            (await app.SignatoryRowsAsync(id)).ShouldBe(1);
        }
        (await app.Client(j.LeadRep).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{j.Submission}/signatories", body)).ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory, BothEngines]
    public async Task An_invited_representative_accepts_or_declines_once_and_repeating_changes_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var j = await JointAsync(app);
        var declinerRep = await app.CreatePersonAsync();
        var decliner = await app.CreateOrganisationAsync(declinerRep);
        await app.AddCoSignerAsync(j.Submission, j.Guest, "invited");
        await app.AddCoSignerAsync(j.Submission, decliner, "invited");
        var url = $"/api/submissions/{j.Submission}/signatories/{j.Guest}/response";

        (await app.Client().StatusOfAsync(HttpMethod.Post, url, new { accept = true })).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(j.LeadRep).StatusOfAsync(HttpMethod.Post, url, new { accept = true })).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(j.GuestRep).StatusOfAsync(HttpMethod.Post, url, new { })).ShouldBe(HttpStatusCode.BadRequest);
        (await app.SignatoryStatusAsync(j.Submission, j.Guest)).ShouldBe("invited");

        (await app.Client(j.GuestRep).StatusOfAsync(HttpMethod.Post, url, new { accept = true })).ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(j.GuestRep).StatusOfAsync(HttpMethod.Post, url, new { accept = true })).ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(j.GuestRep).StatusOfAsync(HttpMethod.Post, url, new { accept = false })).ShouldBe(HttpStatusCode.Conflict);
        (await app.SignatoryStatusAsync(j.Submission, j.Guest)).ShouldBe("signed");
        (await app.ScalarAsync<Guid>("SELECT responded_by FROM submission_signatory WHERE submission_id = @S AND organisation_id = @O",
            new { S = j.Submission, O = j.Guest })).ShouldBe(j.GuestRep.Id);

        var declined = $"/api/submissions/{j.Submission}/signatories/{decliner}/response";
        (await app.Client(declinerRep).StatusOfAsync(HttpMethod.Post, declined, new { accept = false })).ShouldBe(HttpStatusCode.NoContent);
        (await app.SignatoryStatusAsync(j.Submission, decliner)).ShouldBe("declined");

        var stranger = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        (await app.Client(j.GuestRep).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{j.Submission}/signatories/{stranger}/response", new { accept = true }))
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, BothEngines]
    public async Task A_co_signer_withdraws_its_signature_but_the_lead_cannot(Engine engine)
    {
        var app = apps.For(engine);
        var j = await JointAsync(app);
        await app.AddCoSignerAsync(j.Submission, j.Guest);
        var url = $"/api/submissions/{j.Submission}/signatories/{j.Guest}";

        (await app.Client().StatusOfAsync(HttpMethod.Delete, url)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(j.LeadRep).StatusOfAsync(HttpMethod.Delete, url)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(j.LeadRep).StatusOfAsync(HttpMethod.Delete, $"/api/submissions/{j.Submission}/signatories/{j.Lead}")).ShouldBe(HttpStatusCode.Conflict);
        (await app.SignatoryStatusAsync(j.Submission, j.Lead)).ShouldBe("signed");

        (await app.Client(j.GuestRep).StatusOfAsync(HttpMethod.Delete, url)).ShouldBe(HttpStatusCode.NoContent);
        (await app.SignatoryStatusAsync(j.Submission, j.Guest)).ShouldBe("declined");
        (await app.Client(j.GuestRep).StatusOfAsync(HttpMethod.Delete, url)).ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, BothEngines]
    public async Task Nothing_changes_on_a_withdrawn_submission(Engine engine)
    {
        var app = apps.For(engine);
        var j = await JointAsync(app, status: "withdrawn");
        var signerRep = await app.CreatePersonAsync();
        var signer = await app.CreateOrganisationAsync(signerRep);
        await app.AddCoSignerAsync(j.Submission, signer);
        await app.AddCoSignerAsync(j.Submission, j.Guest, "invited");

        (await app.Client(j.LeadRep).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{j.Submission}/signatories",
            new { organisationIds = new[] { await app.CreateOrganisationAsync(await app.CreatePersonAsync()) } })).ShouldBe(HttpStatusCode.Conflict);
        (await app.Client(j.GuestRep).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{j.Submission}/signatories/{j.Guest}/response", new { accept = true }))
            .ShouldBe(HttpStatusCode.Conflict);
        (await app.Client(signerRep).StatusOfAsync(HttpMethod.Delete, $"/api/submissions/{j.Submission}/signatories/{signer}")).ShouldBe(HttpStatusCode.Conflict);
        (await app.SignatoryRowsAsync(j.Submission)).ShouldBe(3);
        (await app.SignatoryStatusAsync(j.Submission, j.Guest)).ShouldBe("invited");
        (await app.SignatoryStatusAsync(j.Submission, signer)).ShouldBe("signed");
    }

    [Theory, BothEngines]
    public async Task The_public_list_shows_signed_organisations_and_the_leads_members_see_every_answer(Engine engine)
    {
        var app = apps.For(engine);
        var j = await JointAsync(app);
        var invited = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        var declined = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        await app.AddCoSignerAsync(j.Submission, j.Guest);
        await app.AddCoSignerAsync(j.Submission, invited, "invited");
        await app.AddCoSignerAsync(j.Submission, declined, "declined");
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(j.Lead, member);
        var url = $"/api/submissions/{j.Submission}/signatories";

        var shown = await app.Client().GetFromJsonAsync<List<ListSignatories.Signatory>>(url, Ct);
        shown!.Select(s => s.OrganisationId).ShouldBe([j.Lead, j.Guest], ignoreOrder: false);
        shown![0].Role.ShouldBe("lead");
        (await app.Client(j.GuestRep).GetFromJsonAsync<List<ListSignatories.Signatory>>(url, Ct))!.Count.ShouldBe(2);

        var all = await app.Client(member).GetFromJsonAsync<List<ListSignatories.Signatory>>(url, Ct);
        all!.Select(s => (s.OrganisationId, s.Status)).ShouldBe([(j.Lead, "signed"), (j.Guest, "signed"), (invited, "invited"), (declined, "declined")], ignoreOrder: true);
        (await app.Client().StatusOfAsync(HttpMethod.Get, $"/api/submissions/{Guid.NewGuid()}/signatories")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, BothEngines]
    public async Task Drafts_and_hidden_submissions_are_listed_only_for_the_leads_members(Engine engine)
    {
        var app = apps.For(engine);
        var leadRep = await app.CreatePersonAsync();
        var lead = await app.CreateOrganisationAsync(leadRep);
        var draft = await app.CreateSubmissionForCoSigningAsync(lead, row: new(Status: "draft"));
        var hidden = await app.CreateSubmissionForCoSigningAsync(lead, row: new(Hidden: true));

        foreach (var id in new[] { draft, hidden })
        {
            (await app.Client().StatusOfAsync(HttpMethod.Get, $"/api/submissions/{id}/signatories")).ShouldBe(HttpStatusCode.NotFound);
            (await app.Client().StatusOfAsync(HttpMethod.Get, $"/api/submissions/{id}/endorsements")).ShouldBe(HttpStatusCode.NotFound);
            (await app.Client(leadRep).StatusOfAsync(HttpMethod.Get, $"/api/submissions/{id}/signatories")).ShouldBe(HttpStatusCode.OK);
        }
    }

    [Theory, BothEngines]
    public async Task Pending_invitations_are_listed_for_the_invited_organisations_representatives_only(Engine engine)
    {
        var app = apps.For(engine);
        var j = await JointAsync(app);
        await app.AddCoSignerAsync(j.Submission, j.Guest, "invited");
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(j.Guest, member);
        var url = $"/api/organisations/{j.Guest}/co-signing-invitations";

        (await app.Client().StatusOfAsync(HttpMethod.Get, url)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(member).StatusOfAsync(HttpMethod.Get, url)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(j.LeadRep).StatusOfAsync(HttpMethod.Get, url)).ShouldBe(HttpStatusCode.Forbidden);

        var pending = await app.Client(j.GuestRep).GetFromJsonAsync<List<ListCoSigningInvitations.Invitation>>(url, Ct);
        pending!.Single().SubmissionId.ShouldBe(j.Submission);
    }

    [Theory, BothEngines]
    public async Task Invitations_and_answers_are_written_in_each_recipients_language(Engine engine)
    {
        var app = apps.For(engine);
        var j = await JointAsync(app);
        var secondGuestRep = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(j.Guest, secondGuestRep, "representative");
        await app.SetPreferredLanguageAsync(j.GuestRep, "fr");
        await app.SetPreferredLanguageAsync(secondGuestRep, "es");
        await app.SetPreferredLanguageAsync(j.LeadRep, "fr");
        var lead = app.Client(j.LeadRep);
        lead.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");

        (await lead.StatusOfAsync(HttpMethod.Post, $"/api/submissions/{j.Submission}/signatories", new { organisationIds = new[] { j.Guest } }))
            .ShouldBe(HttpStatusCode.NoContent);

        var french = await app.LatestToAsync(j.GuestRep.Email, Ct);
        french.ShouldContain("Subject: Une invitation à cosigner une contribution");
        french.ShouldContain("Votre organisation est invitée à cosigner la contribution");
        french.LinkTo($"/Organisations/{j.Guest}/CoSigning");
        (await app.LatestToAsync(secondGuestRep.Email, Ct)).ShouldContain("Su organización está invitada a firmar conjuntamente la contribución");

        (await app.Client(secondGuestRep).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{j.Submission}/signatories/{j.Guest}/response", new { accept = true }))
            .ShouldBe(HttpStatusCode.NoContent);

        var answer = await app.LatestToAsync(j.LeadRep.Email, Ct);
        answer.ShouldContain("a accepté l'invitation à cosigner");
        answer.LinkTo($"/Submissions/{j.Submission}");
    }
}
