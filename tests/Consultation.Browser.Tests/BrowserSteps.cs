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

    /// <summary>Marks the document a step leaves, so that its wait knows the next one from it.</summary>
    const string LeftBehind = "leftBehindByTheTest";

    public static string NewEmail() => $"someone-{Guid.NewGuid():N}@example.org";

    /// <summary>Opens a page and checks it with axe.</summary>
    public static async Task VisitAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    /// <summary>Presses a submit button, waits for the next page and checks it with axe.</summary>
    public static Task SubmitAsync(this IPage page, string button) =>
        page.ClickThroughAsync(page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));

    /// <summary>
    /// Clicks a link or button that leads to another page, waits until that page has loaded and checks it with axe.
    /// </summary>
    /// <remarks>
    /// Not <c>ClickAsync</c> then <c>WaitForLoadStateAsync</c>: the .NET client answers the click on one thread while
    /// another delivers the new page's "load" event, and WaitForLoadStateAsync checks for that event before it listens
    /// for it. A "load" that lands in between is lost and the wait runs out its whole timeout on a page that has long
    /// loaded (playwright-dotnet issue 3364). It hits most among a process's first waits on a quick page: CI lost the
    /// organiser's two-factor sign-in, which lands on "/". So the page being left is marked, and the browser itself is
    /// asked, from the Playwright server, until a document without the mark is complete.
    /// </remarks>
    public static async Task ClickThroughAsync(this IPage page, ILocator target)
    {
        await page.EvaluateAsync($"() => window.{LeftBehind} = true");
        await target.ClickAsync();
        try
        {
            await page.WaitForFunctionAsync($"() => window.{LeftBehind} !== true && document.readyState === 'complete'", null, new() { PollingInterval = 50 });
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"After clicking {target}, no new page finished loading.\n{await WhereThePageIsAsync(page)}", timeout);
        }
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    static async Task<string> WhereThePageIsAsync(IPage page)
    {
        string state;
        try
        {
            state = await page.EvaluateAsync<string>($"() => `${{document.readyState}}, ${{window.{LeftBehind} === true ? 'still the page the step started on' : 'a new page'}}`");
        }
        catch (PlaywrightException e)
        {
            state = $"not readable ({e.Message.Split('\n')[0]})";
        }
        return $"page: {page.Url} ({state})\n{NetworkLog.Of(page)}";
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
            await page.ClickThroughAsync(form.First);
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
