using System.Text.RegularExpressions;
using Consultation.Web.Tests.Networks;
using Consultation.Web.Tests.Support;
using Microsoft.Playwright;

namespace Consultation.Browser.Tests;

/// <summary>
/// A national consultation as people run it, through the pages only: an organiser opens it, two organisations write
/// and co-sign a position, a third comments and a reader sees the comment arrive live, a moderator hides it (the
/// reader sees that live too), and the synthesis report lists the position under its priority. Axe checks every page.
/// </summary>
public sealed partial class ConsultationFlowTests(Browser browser)
{
    TestApp App => browser.App;

    [Fact]
    public async Task Two_organisations_co_sign_a_third_comments_live_a_moderator_hides_it_and_the_report_lists_the_position()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var network = await App.CreateNetworkAsync("Sahel Migrant Networks " + suffix);
        var organiser = network.Organiser;
        var leadRepresentative = await App.CreatePersonAsync("Awa " + suffix);
        var lead = "Dakar Diaspora Forum " + suffix;
        await App.CreateOrganisationAsync(leadRepresentative, verified: true, name: lead);
        var coSignerRepresentative = await App.CreatePersonAsync("Moussa " + suffix);
        var coSigner = "Bamako Returnees Association " + suffix;
        var coSignerId = await App.CreateOrganisationAsync(coSignerRepresentative, verified: true, name: coSigner);
        var commenter = await App.CreatePersonAsync("Fatou " + suffix);
        await App.CreateOrganisationAsync(commenter, verified: true, name: "Niamey Youth Collective " + suffix);

        // The organiser creates the consultation for the network and opens it.
        await using var organiserContext = await browser.NewContextAsync();
        var organiserPage = await organiserContext.NewPageAsync();
        await organiserPage.SignInWithTwoFactorAsync(App, organiser);
        await organiserPage.VisitAsync("/Consultations/Create");
        await organiserPage.SelectOptionAsync("#Owner", $"network:{network.Id}");
        var consultationTitle = "Voices for the 2027 national review " + suffix;
        await organiserPage.FillAsync("[name='Details.Title']", consultationTitle);
        await organiserPage.FillAsync("[name='Details.Description']", "Tell us what **safe migration** needs.");
        await organiserPage.CheckAsync("[name='Details.Scope'][value='global']");
        var now = DateTime.UtcNow;
        await organiserPage.FillAsync("[name='Details.OpensAt']", now.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"));
        await organiserPage.FillAsync("[name='Details.ClosesAt']", now.AddDays(30).ToString("yyyy-MM-ddTHH:mm"));
        await organiserPage.SubmitAsync("Create the draft");
        var consultationPath = new Uri(organiserPage.Url).AbsolutePath;
        consultationPath.ShouldMatch("^/Consultations/[0-9a-f-]{36}$");
        await organiserPage.SubmitAsync("Move to: Open");

        // The lead organisation drafts a position tagged with a key priority, submits it and invites a co-signer.
        await using var leadContext = await browser.NewContextAsync();
        var leadPage = await leadContext.NewPageAsync();
        await leadPage.SignInAsync(leadRepresentative.Email);
        await leadPage.VisitAsync(consultationPath);
        await FollowAsync(leadPage, "Draft a submission");
        var positionTitle = "Firewalls between health care and immigration enforcement " + suffix;
        await leadPage.FillAsync("[name='Text.Title']", positionTitle);
        await leadPage.FillAsync("[name='Text.Summary']", "Nobody should fear a clinic.");
        await leadPage.FillAsync("[name='Text.Body']", "We ask for a **firewall**.<script>alert('x')</script>");
        await leadPage.FillAsync("[name='Text.Language']", "en");
        await leadPage.CheckAsync("[name='Text.PriorityCodes'][value='P01']");
        await leadPage.SubmitAsync("Save the draft");
        var submissionPath = new Uri(leadPage.Url).AbsolutePath;
        submissionPath.ShouldMatch("^/Submissions/[0-9a-f-]{36}$");
        (await leadPage.Locator("main script").CountAsync()).ShouldBe(0, "script in Markdown never reaches the page");
        await leadPage.SubmitAsync("Submit to the consultation");
        await FollowAsync(leadPage, "Invite co-signers");
        await leadPage.SelectOptionAsync("#organisationIds", coSignerId.ToString());
        await leadPage.SubmitAsync("Send the invitations");

        // The invited organisation signs.
        await using (var coSignerContext = await browser.NewContextAsync())
        {
            var coSignerPage = await coSignerContext.NewPageAsync();
            await coSignerPage.SignInAsync(coSignerRepresentative.Email);
            await coSignerPage.VisitAsync(submissionPath);
            await FollowAsync(coSignerPage, $"{coSigner} is invited to co-sign: answer the invitation");
            await coSignerPage.SubmitAsync($"Sign {coSigner}");
            await coSignerPage.VisitAsync(submissionPath);
            var signatories = coSignerPage.Locator("h2:text-is('Signatories') + ul");
            await Assertions.Expect(signatories).ToContainTextAsync(lead);
            await Assertions.Expect(signatories).ToContainTextAsync(coSigner);
        }

        // A reader keeps the discussion open, without reloading, while a third organisation's member comments.
        await using var readerContext = await browser.NewContextAsync();
        var readerPage = await readerContext.NewPageAsync();
        await readerPage.VisitAsync(submissionPath + "/Comments");
        await readerPage.EvaluateAsync("window.stillTheSamePage = true");
        await using var commenterContext = await browser.NewContextAsync();
        var commenterPage = await commenterContext.NewPageAsync();
        await commenterPage.SignInAsync(commenter.Email);
        await commenterPage.VisitAsync(submissionPath + "/Comments");
        var comment = "Clinics in Thiès already turn people away " + suffix;
        await commenterPage.FillAsync("#comment-body", comment);
        await commenterPage.SubmitAsync("Post comment");

        var liveComment = readerPage.Locator("[data-comment-list] li.comment", new() { HasText = comment });
        await Assertions.Expect(liveComment).ToBeVisibleAsync();
        (await readerPage.EvaluateAsync<bool>("window.stillTheSamePage === true")).ShouldBeTrue("the comment arrived without a reload");
        await readerPage.ShouldHaveNoSeriousViolationsAsync();
        var commentId = await liveComment.GetAttributeAsync("data-comment-id");

        // The lead flags the comment; the organiser hides it from the moderation queue; the reader sees it go.
        await leadPage.VisitAsync(submissionPath + "/Comments");
        await leadPage.ClickThroughAsync(leadPage.Locator("li.comment", new() { HasText = comment }).GetByRole(AriaRole.Link, new() { Name = "Report to the moderators" }));
        await leadPage.CheckAsync("[name='Reason'][value='personal-data']");
        await leadPage.SubmitAsync("Send the flag");

        await organiserPage.VisitAsync(consultationPath);
        await FollowAsync(organiserPage, ModerationLink());
        await organiserPage.SubmitAsync("Hide");

        var hiddenComment = readerPage.Locator($"[data-comment-id='{commentId}']");
        await Assertions.Expect(hiddenComment).ToContainTextAsync("This comment was hidden by a moderator");
        await Assertions.Expect(readerPage.GetByText(comment)).ToHaveCountAsync(0);
        (await readerPage.EvaluateAsync<bool>("window.stillTheSamePage === true")).ShouldBeTrue("the comment was hidden without a reload");
        await readerPage.ShouldHaveNoSeriousViolationsAsync();

        // The synthesis report lists the position under its key priority, with both signatories.
        await organiserPage.VisitAsync(consultationPath);
        await FollowAsync(organiserPage, "Synthesis report (working draft)");
        var underPriority = organiserPage.Locator("section.report-group", new() { Has = organiserPage.Locator("h3", new() { HasTextRegex = FirstPriority() }) });
        await Assertions.Expect(underPriority.GetByRole(AriaRole.Link, new() { Name = positionTitle })).ToBeVisibleAsync();
        await Assertions.Expect(underPriority).ToContainTextAsync(coSigner);
    }

    /// <summary>Follows a link by its accessible name and checks the page it leads to.</summary>
    static async Task FollowAsync(IPage page, string link) => await FollowAsync(page, new Regex("^" + Regex.Escape(link) + "$"));

    static Task FollowAsync(IPage page, Regex link) => page.ClickThroughAsync(page.GetByRole(AriaRole.Link, new() { NameRegex = link }).First);

    [GeneratedRegex("^Moderation queue$")]
    private static partial Regex ModerationLink();

    [GeneratedRegex("^P01 ")]
    private static partial Regex FirstPriority();
}
