using System.Net;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Accounts;

public sealed class SignInTests(TestApps apps)
{
    const string Failure = "Sign-in failed.";

    [Theory, BothEngines]
    public async Task Unknown_address_and_wrong_password_get_the_same_answer(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();

        using var unknown = await app.Client().SignInAsync(AccountSteps.NewEmail(), AccountSteps.Password);
        using var wrong = await app.Client().SignInAsync(person.Email, "not the password at all");

        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unknown.TextAsync()).ShouldContain(Failure);
        (await wrong.TextAsync()).ShouldContain(Failure);
    }

    [Theory, BothEngines]
    public async Task Five_failures_lock_the_account_even_against_the_right_password(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var browser = app.Client();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await browser.SignInAsync(person.Email, "wrong password " + attempt);
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var right = await browser.SignInAsync(person.Email, person.Password);

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.TextAsync()).ShouldContain(Failure);
        (await app.CountAsync("""SELECT COUNT(*) FROM "AspNetUsers" WHERE "Id" = @Id AND "LockoutEnd" IS NOT NULL""", new { person.Id })).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Sign_in_keeps_a_cookie_and_sign_out_ends_it(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var browser = await app.SignedInClientAsync(person);
        var ct = TestContext.Current.CancellationToken;

        using (var account = await browser.GetAsync("/Accounts/Manage", ct))
        {
            account.StatusCode.ShouldBe(HttpStatusCode.OK);
            // The layout's sign-out button must carry its own antiforgery token, or the POST is refused.
            (await account.TextAsync()).ShouldMatch("""(?s)action="/Accounts/SignOut"[^>]*>(?:(?!</form>).)*__RequestVerificationToken""");
        }
        using var signedOut = await browser.SubmitAsync("/Accounts/SignOut", new Dictionary<string, string>());
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var after = await browser.GetAsync("/Accounts/Manage", ct);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/Accounts/SignIn");
    }

    [Theory, BothEngines]
    public async Task Empty_sign_in_form_shows_field_errors(Engine engine)
    {
        var app = apps.For(engine);

        using var response = await app.Client().SubmitAsync("/Accounts/SignIn", new Dictionary<string, string> { ["Email"] = "", ["Password"] = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.TextAsync();
        html.ShouldMatch("""id="Email-error"[^>]*>[^<]+<""");
        html.ShouldMatch("""id="Password-error"[^>]*>[^<]+<""");
    }

    [Theory, BothEngines]
    public async Task Account_pages_speak_french_spanish_and_arabic(Engine engine)
    {
        var app = apps.For(engine);
        foreach (var (language, title) in new[] { ("fr", "Se connecter"), ("es", "Iniciar sesión"), ("ar", "تسجيل الدخول") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Accounts/SignIn");
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await app.Client().SendAsync(request, TestContext.Current.CancellationToken);
            (await response.TextAsync()).ShouldContain($"<h1>{title}</h1>");
        }
    }
}
