using System.Net;
using System.Text.RegularExpressions;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests.Accounts;

/// <summary>The steps a person takes through the account pages, shared by the account tests.</summary>
public static partial class AccountSteps
{
    public const string Password = "correct horse battery staple";

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.SubmitAsync("/Accounts/SignIn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>
    /// A fresh cookie client signed in through the sign-in pages (the real cookie, not the test header): the password,
    /// then for a person with two-factor sign-in a code from a new authenticator key.
    /// </summary>
    public static async Task<HttpClient> SignedInClientAsync(this TestApp app, TestPerson person)
    {
        var key = await app.AuthenticatorKeyAsync(person);
        var client = app.Client();
        using var signedIn = await client.SignInAsync(person.Email, person.Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.TextAsync());
        if (signedIn.Headers.Location!.OriginalString.StartsWith("/Accounts/SignInTwoStep", StringComparison.Ordinal))
        {
            using var code = await client.SubmitAsync(signedIn.Headers.Location.OriginalString,
                new Dictionary<string, string> { ["Code"] = Totp.Code(key!, DateTimeOffset.UtcNow) });
            code.StatusCode.ShouldBe(HttpStatusCode.Redirect, await code.TextAsync());
        }
        return client;
    }

    /// <summary>A new authenticator key for a person created with two-factor sign-in on (null for others).</summary>
    public static async Task<string?> AuthenticatorKeyAsync(this TestApp app, TestPerson person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(person.Id.ToString()))!;
        if (!user.TwoFactorEnabled)
        {
            return null;
        }
        await users.ResetAuthenticatorKeyAsync(user);
        return await users.GetAuthenticatorKeyAsync(user);
    }

    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string displayName = "Amina", string language = "en") =>
        await client.SubmitAsync("/Accounts/Register", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["DisplayName"] = displayName,
            ["PreferredLanguage"] = language,
        });

    /// <summary>Follows a link from an email with this client, as a path and query on the test server.</summary>
    public static Task<HttpResponseMessage> OpenAsync(this HttpClient client, Uri link) =>
        client.GetAsync(link.PathAndQuery, TestContext.Current.CancellationToken);

    public static string NewEmail() => $"someone-{Guid.NewGuid():N}@example.org";

    public static Task<long> CountAsync(this TestApp app, string sql, object parameters) => app.ScalarAsync<long>(sql, parameters);

    /// <summary>
    /// Whether any message to this address is in the outbox. Emails are sent after commit but before the response,
    /// so once a request has answered, its email is there or never will be.
    /// </summary>
    public static bool HasMailTo(this TestApp app, string email)
    {
        var outbox = Path.Combine(app.DataDirectory, "outbox");
        return Directory.Exists(outbox) && Directory.GetFiles(outbox, "*.eml")
            .Any(file => File.ReadAllText(file).Contains($"To: {email}", StringComparison.OrdinalIgnoreCase));
    }

    public static IReadOnlyList<string> RecoveryCodesIn(string html) =>
        RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();

    public static string SecretIn(string html) => Secret().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new ShouldAssertException("no otpauth secret in page");

    [GeneratedRegex("<li><code>([A-Za-z0-9]{5}-[A-Za-z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex Secret();
}

/// <summary>The field errors of a 400 problem response.</summary>
public sealed record ValidationProblem(Dictionary<string, string[]> Errors);
