using Consultation.Web.Tests.Support;
using Microsoft.Playwright;

namespace Consultation.Browser.Tests;

/// <summary>
/// The foundation as people use it, through the pages only: register and confirm, found an organisation, invite a
/// member, get verified by an admin, found a network and take in a second organisation. Axe checks every page seen.
/// </summary>
public sealed class FoundationFlowTests(Browser browser)
{
    TestApp App => browser.App;

    [Fact]
    public async Task A_representative_founds_an_organisation_and_a_network_that_a_second_organisation_joins()
    {
        await using var representativeContext = await browser.NewContextAsync();
        var representative = await representativeContext.NewPageAsync();
        var representativeEmail = await representative.RegisterAndConfirmAsync(App, "Amina");
        await representative.SignInAsync(representativeEmail);

        await representative.VisitAsync("/Organisations/Register");
        await representative.FillAsync("[name='Input.Name']", "Rivers Women Collective " + Guid.NewGuid().ToString("N")[..6]);
        await representative.SelectOptionAsync("[name='Input.CountryCode']", "KE");
        await representative.CheckAsync("[name='Input.Constituencies'][value='grassroots']");
        await representative.SubmitAsync("Register");
        var organisationPath = new Uri(representative.Url).AbsolutePath;
        organisationPath.ShouldMatch("^/Organisations/[0-9a-f-]{36}$");

        // The representative invites a member, who registers in another browser and accepts from the email.
        await representative.VisitAsync(organisationPath + "/Invite");
        var memberEmail = BrowserSteps.NewEmail();
        await representative.FillAsync("#Email", memberEmail);
        await representative.CheckAsync("[name='Role'][value='member']");
        await representative.SubmitAsync("Send the invitation");
        var invitation = (await App.LatestToAsync(memberEmail, TestContext.Current.CancellationToken)).LinkTo("/Organisations/Invitations/Accept");
        await using (var memberContext = await browser.NewContextAsync())
        {
            var member = await memberContext.NewPageAsync();
            await member.RegisterAndConfirmAsync(App, "Bilal", memberEmail);
            await member.SignInAsync(memberEmail);
            await member.VisitAsync(invitation.PathAndQuery);
            await member.SubmitAsync("Join the organisation");
            new Uri(member.Url).AbsolutePath.ShouldBe(organisationPath);
            await member.ShouldHaveNoSeriousViolationsAsync();
        }

        // An admin signs in with two factors and verifies the organisation.
        await using (var adminContext = await browser.NewContextAsync())
        {
            var admin = await adminContext.NewPageAsync();
            var adminPerson = await App.CreatePersonAsync(twoFactor: true, admin: true);
            await admin.SignInWithTwoFactorAsync(App, adminPerson);
            await admin.VisitAsync(organisationPath);
            await admin.SubmitAsync("Verify this organisation");
            (await App.ScalarAsync<string>("SELECT status FROM organisation WHERE id = @Id", new { Id = Guid.Parse(organisationPath[^36..]) })).ShouldBe("verified");
        }

        // Organisers sign in with two factors: the representative turns them on first, then founds a network.
        await representative.VisitAsync("/Accounts/TwoFactor");
        var secret = await representative.TwoFactorSecretAsync();
        await representative.FillAsync("#Code", Totp.Code(secret, DateTimeOffset.UtcNow));
        await representative.SubmitAsync("Turn on two-factor sign-in");
        await representative.VisitAsync("/Networks/Create");
        await representative.FillAsync("[name='Form.Name']", "East African Migrant Voices " + Guid.NewGuid().ToString("N")[..6]);
        await representative.SubmitAsync("Found the network");
        var networkPath = new Uri(representative.Url).AbsolutePath;
        networkPath.ShouldMatch("^/Networks/[0-9a-f-]{36}$");

        // A second verified organisation asks to join; the organiser approves.
        var secondRepresentative = await App.CreatePersonAsync();
        var second = await App.CreateOrganisationAsync(secondRepresentative, verified: true, name: "Second organisation");
        await using (var secondContext = await browser.NewContextAsync())
        {
            var page = await secondContext.NewPageAsync();
            await page.SignInAsync(secondRepresentative.Email);
            await page.VisitAsync(networkPath);
            await page.SubmitAsync("Ask to join");
        }
        await representative.VisitAsync(networkPath);
        await representative.SubmitAsync("Approve Second organisation");
        (await App.ScalarAsync<string>("SELECT status FROM network_membership WHERE network_id = @NetworkId AND organisation_id = @OrganisationId",
            new { NetworkId = Guid.Parse(networkPath[^36..]), OrganisationId = second })).ShouldBe("member");
    }

    [Fact]
    public async Task In_arabic_registration_and_sign_in_are_right_to_left_translated_and_accessible()
    {
        await using var context = await browser.NewContextAsync(locale: "ar");
        var page = await context.NewPageAsync();

        await page.VisitAsync("/Accounts/Register");
        (await page.GetAttributeAsync("html", "dir")).ShouldBe("rtl");
        (await page.InnerTextAsync("h1")).ShouldNotBe("Create an account");
        await page.VisitAsync("/Accounts/SignIn");
        (await page.GetAttributeAsync("html", "dir")).ShouldBe("rtl");
        (await page.InnerTextAsync("h1")).ShouldNotBe("Sign in");
    }
}
