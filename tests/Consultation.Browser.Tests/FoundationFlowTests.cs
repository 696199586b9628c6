using System.Text.RegularExpressions;
using Consultation.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consultation.Browser.Tests;

/// <summary>
/// The foundation as people use it, through the pages only: register and confirm, found an organisation, invite a
/// member, get verified by an admin, found a network and take in a second organisation. Axe checks every page seen.
/// </summary>
public sealed partial class FoundationFlowTests(Browser browser)
{
    TestApp App => browser.App;

    [Fact]
    public async Task A_representative_founds_an_organisation_and_a_network_that_a_second_organisation_joins()
    {
        await using var representativeContext = await browser.NewContextAsync();
        var representative = await representativeContext.NewPageAsync();
        var representativeEmail = await RegisterAndConfirmAsync(representative, "Amina");
        await SignInAsync(representative, representativeEmail);

        await VisitAsync(representative, "/Organisations/Register");
        await representative.FillAsync("[name='Input.Name']", "Rivers Women Collective " + Guid.NewGuid().ToString("N")[..6]);
        await representative.SelectOptionAsync("[name='Input.CountryCode']", "KE");
        await representative.CheckAsync("[name='Input.Constituencies'][value='grassroots']");
        await SubmitAsync(representative, "Register");
        var organisationPath = new Uri(representative.Url).AbsolutePath;
        organisationPath.ShouldMatch("^/Organisations/[0-9a-f-]{36}$");

        // The representative invites a member, who registers in another browser and accepts from the email.
        await VisitAsync(representative, organisationPath + "/Invite");
        var memberEmail = NewEmail();
        await representative.FillAsync("#Email", memberEmail);
        await representative.CheckAsync("[name='Role'][value='member']");
        await SubmitAsync(representative, "Send the invitation");
        var invitation = (await App.LatestToAsync(memberEmail, TestContext.Current.CancellationToken)).LinkTo("/Organisations/Invitations/Accept");
        await using (var memberContext = await browser.NewContextAsync())
        {
            var member = await memberContext.NewPageAsync();
            await RegisterAndConfirmAsync(member, "Bilal", memberEmail);
            await SignInAsync(member, memberEmail);
            await VisitAsync(member, invitation.PathAndQuery);
            await SubmitAsync(member, "Join the organisation");
            new Uri(member.Url).AbsolutePath.ShouldBe(organisationPath);
            await member.ShouldHaveNoSeriousViolationsAsync();
        }

        // An admin signs in with two factors and verifies the organisation.
        await using (var adminContext = await browser.NewContextAsync())
        {
            var admin = await adminContext.NewPageAsync();
            var adminPerson = await App.CreatePersonAsync(twoFactor: true, admin: true);
            var key = await AuthenticatorKeyAsync(adminPerson);
            await SignInAsync(admin, adminPerson.Email);
            await admin.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
            await SubmitAsync(admin, "Sign in");
            await VisitAsync(admin, organisationPath);
            await SubmitAsync(admin, "Verify this organisation");
            (await App.ScalarAsync<string>("SELECT status FROM organisation WHERE id = @Id", new { Id = Guid.Parse(organisationPath[^36..]) })).ShouldBe("verified");
        }

        // Organisers sign in with two factors: the representative turns them on first, then founds a network.
        await VisitAsync(representative, "/Accounts/TwoFactor");
        var secret = Secret().Match(await representative.ContentAsync()).Groups[1].Value;
        await representative.FillAsync("#Code", Totp.Code(secret, DateTimeOffset.UtcNow));
        await SubmitAsync(representative, "Turn on two-factor sign-in");
        await VisitAsync(representative, "/Networks/Create");
        await representative.FillAsync("[name='Form.Name']", "East African Migrant Voices " + Guid.NewGuid().ToString("N")[..6]);
        await SubmitAsync(representative, "Found the network");
        var networkPath = new Uri(representative.Url).AbsolutePath;
        networkPath.ShouldMatch("^/Networks/[0-9a-f-]{36}$");

        // A second verified organisation asks to join; the organiser approves.
        var secondRepresentative = await App.CreatePersonAsync();
        var second = await App.CreateOrganisationAsync(secondRepresentative, verified: true, name: "Second organisation");
        await using (var secondContext = await browser.NewContextAsync())
        {
            var page = await secondContext.NewPageAsync();
            await SignInAsync(page, secondRepresentative.Email);
            await VisitAsync(page, networkPath);
            await SubmitAsync(page, "Ask to join");
        }
        await VisitAsync(representative, networkPath);
        await representative.GetByRole(AriaRole.Button, new() { Name = "Approve Second organisation" }).ClickAsync();
        await representative.WaitForLoadStateAsync();
        await representative.ShouldHaveNoSeriousViolationsAsync();
        (await App.ScalarAsync<string>("SELECT status FROM network_membership WHERE network_id = @NetworkId AND organisation_id = @OrganisationId",
            new { NetworkId = Guid.Parse(networkPath[^36..]), OrganisationId = second })).ShouldBe("member");
    }

    [Fact]
    public async Task In_arabic_registration_and_sign_in_are_right_to_left_translated_and_accessible()
    {
        await using var context = await browser.NewContextAsync(locale: "ar");
        var page = await context.NewPageAsync();

        await VisitAsync(page, "/Accounts/Register");
        (await page.GetAttributeAsync("html", "dir")).ShouldBe("rtl");
        (await page.InnerTextAsync("h1")).ShouldNotBe("Create an account");
        await VisitAsync(page, "/Accounts/SignIn");
        (await page.GetAttributeAsync("html", "dir")).ShouldBe("rtl");
        (await page.InnerTextAsync("h1")).ShouldNotBe("Sign in");
    }

    /// <summary>Opens a page and checks it with axe, as every page in these flows is.</summary>
    static async Task VisitAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    /// <summary>Presses a submit button, waits for the next page and checks it with axe.</summary>
    static async Task SubmitAsync(IPage page, string button)
    {
        // A click waits for the navigation it starts; then the new page must have loaded.
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    async Task<string> RegisterAndConfirmAsync(IPage page, string name, string? email = null)
    {
        email ??= NewEmail();
        await VisitAsync(page, "/Accounts/Register");
        await page.FillAsync("#DisplayName", name);
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await SubmitAsync(page, "Create account");
        var confirm = (await App.LatestToAsync(email, TestContext.Current.CancellationToken)).LinkTo("/Accounts/ConfirmEmail");
        await VisitAsync(page, confirm.PathAndQuery);
        var form = page.Locator("main form button[type=submit]");
        if (await form.CountAsync() > 0)
        {
            await form.First.ClickAsync();
            await page.WaitForLoadStateAsync();
            await page.ShouldHaveNoSeriousViolationsAsync();
        }
        return email;
    }

    static async Task SignInAsync(IPage page, string email)
    {
        await VisitAsync(page, "/Accounts/SignIn");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await SubmitAsync(page, "Sign in");
    }

    async Task<string> AuthenticatorKeyAsync(TestPerson person)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Consultation.Web.Infrastructure.Identity.ApplicationUser>>();
        var user = (await users.FindByIdAsync(person.Id.ToString()))!;
        await users.ResetAuthenticatorKeyAsync(user);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    const string Password = "correct horse battery staple";

    static string NewEmail() => $"someone-{Guid.NewGuid():N}@example.org";

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex Secret();
}
