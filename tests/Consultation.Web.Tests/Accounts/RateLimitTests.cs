using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Accounts;

/// <summary>Runs its own platform with tiny limits, so the shared app's high limits stay out of every other test's way.</summary>
public sealed class RateLimitTests
{
    [Theory, BothEngines]
    public async Task Too_many_submissions_get_429_as_problem_json_or_the_error_page(Engine engine)
    {
        await using var app = new TestApp(engine, new Dictionary<string, string>
        {
            ["RateLimits:SignIn"] = "1",
            ["RateLimits:Registration"] = "1",
            ["RateLimits:PasswordReset"] = "1",
        });
        var ct = TestContext.Current.CancellationToken;
        var browser = app.Client();

        using (var first = await browser.SignInAsync(AccountSteps.NewEmail(), "whatever password"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var second = await browser.SignInAsync(AccountSteps.NewEmail(), "whatever password");
        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await second.TextAsync()).ShouldContain("Too many attempts");

        var body = new { email = AccountSteps.NewEmail(), password = "long enough password", displayName = "A", preferredLanguage = "en" };
        using (var allowed = await browser.PostAsJsonAsync("/api/account/register", body, ct))
        {
            allowed.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        using var refused = await browser.PostAsJsonAsync("/api/account/register", body with { email = AccountSteps.NewEmail() }, ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using (await browser.PostAsJsonAsync("/api/account/password-reset", new { email = AccountSteps.NewEmail() }, ct))
        {
        }
        using var reset = await browser.PostAsJsonAsync("/api/account/password-reset", new { email = AccountSteps.NewEmail() }, ct);
        reset.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
