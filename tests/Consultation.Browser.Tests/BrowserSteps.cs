using System.Text.RegularExpressions;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consultation.Browser.Tests;

/// <summary>What people do in every flow, through the pages only; each page seen is checked with axe.</summary>
public static partial class BrowserSteps
{
    public const string Password = "correct horse battery staple";

    public static string NewEmail() => $"someone-{Guid.NewGuid():N}@example.org";

    /// <summary>Opens a page and checks it with axe.</summary>
    public static async Task VisitAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    /// <summary>Presses a submit button, waits for the next page and checks it with axe.</summary>
    public static async Task SubmitAsync(this IPage page, string button)
    {
        // A click waits for the navigation it starts; then the new page must have loaded.
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    public static async Task<string> RegisterAndConfirmAsync(this IPage page, TestApp app, string name, string? email = null)
    {
        email ??= NewEmail();
        await page.VisitAsync("/Accounts/Register");
        await page.FillAsync("#DisplayName", name);
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.SubmitAsync("Create account");
        var confirm = (await app.LatestToAsync(email, TestContext.Current.CancellationToken)).LinkTo("/Accounts/ConfirmEmail");
        await page.VisitAsync(confirm.PathAndQuery);
        var form = page.Locator("main form button[type=submit]");
        if (await form.CountAsync() > 0)
        {
            await form.First.ClickAsync();
            await page.WaitForLoadStateAsync();
            await page.ShouldHaveNoSeriousViolationsAsync();
        }
        return email;
    }

    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.VisitAsync("/Accounts/SignIn");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.SubmitAsync("Sign in");
    }

    /// <summary>Signs in a person made with two-factor sign-in on, answering the second step from their authenticator.</summary>
    public static async Task SignInWithTwoFactorAsync(this IPage page, TestApp app, TestPerson person)
    {
        var key = await app.AuthenticatorKeyAsync(person);
        await page.SignInAsync(person.Email);
        await page.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.SubmitAsync("Sign in");
    }

    /// <summary>Gives the person a fresh authenticator key, as setting up an authenticator app does, and returns it.</summary>
    public static async Task<string> AuthenticatorKeyAsync(this TestApp app, TestPerson person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(person.Id.ToString()))!;
        await users.ResetAuthenticatorKeyAsync(user);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>The authenticator secret shown on the two-factor set-up page.</summary>
    public static async Task<string> TwoFactorSecretAsync(this IPage page) => Secret().Match(await page.ContentAsync()).Groups[1].Value;

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex Secret();
}
