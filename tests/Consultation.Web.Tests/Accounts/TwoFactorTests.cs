using System.Net;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Accounts;

public sealed class TwoFactorTests(TestApps apps)
{
    const string TwoFactorOn = """SELECT COUNT(*) FROM "AspNetUsers" WHERE "Id" = @Id AND "TwoFactorEnabled" = @True""";

    [Theory, BothEngines]
    public async Task Set_up_with_an_app_code_then_sign_in_with_a_code_or_a_recovery_code(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var browser = await app.SignedInClientAsync(person);

        using var setup = await browser.GetAsync("/Accounts/TwoFactor", TestContext.Current.CancellationToken);
        var page = await setup.TextAsync();
        page.ShouldContain("otpauth://totp/");
        page.ShouldMatch("""<code class="shared-key" id="shared-key">([a-z2-7]{4} )+[a-z2-7]{1,4}</code>""");
        var secret = AccountSteps.SecretIn(page);

        using var enabled = await browser.SubmitAsync("/Accounts/TwoFactor",
            new Dictionary<string, string> { ["Code"] = Totp.Code(secret, DateTimeOffset.UtcNow) }, handler: "Enable");
        var recoveryCodes = AccountSteps.RecoveryCodesIn(await enabled.TextAsync());
        recoveryCodes.Count.ShouldBe(10);
        (await app.CountAsync(TwoFactorOn, new { person.Id, True = true })).ShouldBe(1);

        var withCode = app.Client();
        using (var password = await withCode.SignInAsync(person.Email, person.Password))
        {
            password.Headers.Location!.OriginalString.ShouldStartWith("/Accounts/SignInTwoStep");
        }
        using (var code = await withCode.SubmitAsync("/Accounts/SignInTwoStep", new Dictionary<string, string> { ["Code"] = Totp.Code(secret, DateTimeOffset.UtcNow) }))
        {
            code.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        using (var account = await withCode.GetAsync("/Accounts/Manage", TestContext.Current.CancellationToken))
        {
            account.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await SignInWithRecoveryCodeAsync(app, person, recoveryCodes[0])).ShouldBe(HttpStatusCode.Redirect);
        (await SignInWithRecoveryCodeAsync(app, person, recoveryCodes[0])).ShouldBe(HttpStatusCode.OK, "a recovery code works once");
    }

    [Theory, BothEngines]
    public async Task A_wrong_code_does_not_turn_it_on(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var browser = app.Client(person);

        using var response = await browser.SubmitAsync("/Accounts/TwoFactor", new Dictionary<string, string> { ["Code"] = "000000" }, handler: "Enable");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.TextAsync()).ShouldMatch("""id="Code-error"[^>]*>That code is not right""");
        (await app.CountAsync(TwoFactorOn, new { person.Id, True = true })).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Regenerate_replaces_the_codes_and_disable_turns_it_off(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var browser = app.Client(person);
        var secret = AccountSteps.SecretIn(await browser.GetStringAsync("/Accounts/TwoFactor", TestContext.Current.CancellationToken));
        using (var enabled = await browser.SubmitAsync("/Accounts/TwoFactor",
            new Dictionary<string, string> { ["Code"] = Totp.Code(secret, DateTimeOffset.UtcNow) }, handler: "Enable"))
        {
            enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var regenerated = await browser.SubmitAsync("/Accounts/TwoFactor", new Dictionary<string, string>(), handler: "Regenerate");
        AccountSteps.RecoveryCodesIn(await regenerated.TextAsync()).Count.ShouldBe(10);
        using var disabled = await browser.SubmitAsync("/Accounts/TwoFactor", new Dictionary<string, string>(), handler: "Disable");

        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CountAsync(TwoFactorOn, new { person.Id, True = true })).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Account_pages_ask_anonymous_visitors_to_sign_in(Engine engine)
    {
        var app = apps.For(engine);
        foreach (var page in new[] { "/Accounts/Manage", "/Accounts/TwoFactor", "/Accounts/Delete", "/Accounts/BecomeAdmin?token=x" })
        {
            using var response = await app.Client().GetAsync(page, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.OriginalString.ShouldContain("/Accounts/SignIn");
        }
    }

    static async Task<HttpStatusCode> SignInWithRecoveryCodeAsync(TestApp app, TestPerson person, string recoveryCode)
    {
        var client = app.Client();
        using (await client.SignInAsync(person.Email, person.Password))
        {
        }
        using var response = await client.SubmitAsync("/Accounts/SignInTwoStep", new Dictionary<string, string> { ["Code"] = recoveryCode });
        return response.StatusCode;
    }
}
