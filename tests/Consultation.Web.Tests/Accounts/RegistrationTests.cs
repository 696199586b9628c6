using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Accounts;

public sealed class RegistrationTests(TestApps apps)
{
    const string UsersWithEmail = """SELECT COUNT(*) FROM "AspNetUsers" WHERE "NormalizedEmail" = @Normalized""";

    [Theory, BothEngines]
    public async Task Register_confirm_by_email_sign_in_and_open_my_account(Engine engine)
    {
        var app = apps.For(engine);
        var email = AccountSteps.NewEmail();
        var browser = app.Client();

        using var registered = await browser.RegisterAsync(email, displayName: "Rapporteur Sud", language: "es");
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        registered.Headers.Location!.OriginalString.ShouldBe("/Accounts/CheckEmail");
        using (var tooEarly = await browser.SignInAsync(email, AccountSteps.Password))
        {
            tooEarly.StatusCode.ShouldBe(HttpStatusCode.OK, "an unconfirmed address cannot sign in");
        }

        var message = await app.LatestToAsync(email, TestContext.Current.CancellationToken);
        using var confirmed = await browser.OpenAsync(message.LinkTo("/Accounts/ConfirmEmail"));
        (await confirmed.TextAsync()).ShouldContain("your address is confirmed");

        using var signedIn = await browser.SignInAsync(email, AccountSteps.Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.GetValues("Set-Cookie").ShouldContain(cookie => cookie.StartsWith(".AspNetCore.Culture=c%3Des", StringComparison.Ordinal));
        using var account = await browser.GetAsync("/Accounts/Manage", TestContext.Current.CancellationToken);
        account.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await account.TextAsync()).ShouldContain("Rapporteur Sud");
    }

    [Theory, BothEngines]
    public async Task Registering_a_registered_address_answers_the_same_and_tells_the_owner(Engine engine)
    {
        var app = apps.For(engine);
        var owner = await app.CreatePersonAsync();

        using var again = await app.Client().RegisterAsync(owner.Email, displayName: "Impostor");

        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.OriginalString.ShouldBe("/Accounts/CheckEmail");
        (await app.LatestToAsync(owner.Email, TestContext.Current.CancellationToken)).ShouldContain("Someone tried to create a Consultation account");
        (await app.CountAsync(UsersWithEmail, new { Normalized = owner.Email.ToUpperInvariant() })).ShouldBe(1);
        (await app.ScalarAsync<string>("""SELECT "DisplayName" FROM "AspNetUsers" WHERE "Id" = @Id""", new { owner.Id })).ShouldBe(owner.DisplayName);
    }

    [Theory, BothEngines]
    public async Task Bad_registration_form_is_shown_again_with_field_errors_and_nothing_is_written(Engine engine)
    {
        var app = apps.For(engine);
        var email = "not-an-address-" + Guid.NewGuid().ToString("N");

        using var response = await app.Client().SubmitAsync("/Accounts/Register", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "short",
            ["DisplayName"] = "",
            ["PreferredLanguage"] = "xx",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.TextAsync();
        foreach (var field in new[] { "Email", "Password", "DisplayName", "PreferredLanguage" })
        {
            html.ShouldMatch($"""id="{field}-error"[^>]*>[^<]+<""");
        }
        (await app.CountAsync(UsersWithEmail, new { Normalized = email.ToUpperInvariant() })).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Api_registration_accepts_good_input_and_refuses_bad_input_field_by_field(Engine engine)
    {
        var app = apps.For(engine);
        var ct = TestContext.Current.CancellationToken;
        var email = AccountSteps.NewEmail();

        using var bad = await app.Client().PostAsJsonAsync("/api/account/register",
            new { email = "nope", password = "short", displayName = "", preferredLanguage = "de" }, ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<ValidationProblem>(ct);
        problem!.Errors.Keys.ShouldBe(["email", "password", "displayName", "preferredLanguage"], ignoreOrder: true);

        using var good = await app.Client().PostAsJsonAsync("/api/account/register",
            new { email, password = AccountSteps.Password, displayName = "Collectif", preferredLanguage = "fr" }, ct);
        good.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await app.CountAsync(UsersWithEmail, new { Normalized = email.ToUpperInvariant() })).ShouldBe(1);
        (await app.LatestToAsync(email, ct)).LinkTo("/Accounts/ConfirmEmail");
    }

    [Theory, BothEngines]
    public async Task A_confirmation_link_with_a_wrong_code_confirms_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var email = AccountSteps.NewEmail();
        using (await app.Client().RegisterAsync(email))
        {
        }
        var link = (await app.LatestToAsync(email, TestContext.Current.CancellationToken)).LinkTo("/Accounts/ConfirmEmail");
        var forged = link.PathAndQuery[..(link.PathAndQuery.IndexOf("code=", StringComparison.Ordinal) + 5)] + "forged";

        using var response = await app.Client().GetAsync(forged, TestContext.Current.CancellationToken);

        (await response.TextAsync()).ShouldContain("This link is not valid any more");
        (await app.ScalarAsync<bool>("""SELECT "EmailConfirmed" FROM "AspNetUsers" WHERE "NormalizedEmail" = @N""", new { N = email.ToUpperInvariant() })).ShouldBeFalse();
    }
}
