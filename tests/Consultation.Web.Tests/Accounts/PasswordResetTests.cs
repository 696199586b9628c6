using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Accounts;

public sealed class PasswordResetTests(TestApps apps)
{
    const string NewPassword = "a brand new passphrase";

    [Theory, BothEngines]
    public async Task Reset_link_sets_a_new_password_and_lifts_a_lockout(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var browser = app.Client();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using (await browser.SignInAsync(person.Email, "wrong password " + attempt))
            {
            }
        }

        using var asked = await browser.SubmitAsync("/Accounts/ForgotPassword", new Dictionary<string, string> { ["Email"] = person.Email });
        asked.Headers.Location!.OriginalString.ShouldBe("/Accounts/CheckEmail");
        var link = (await app.LatestToAsync(person.Email, TestContext.Current.CancellationToken)).LinkTo("/Accounts/ResetPassword");
        using var reset = await browser.SubmitAsync(link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = NewPassword });
        (await reset.TextAsync()).ShouldContain("Your password is changed");

        using var old = await app.Client().SignInAsync(person.Email, person.Password);
        old.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var fresh = await app.Client().SignInAsync(person.Email, NewPassword);
        fresh.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory, BothEngines]
    public async Task Unknown_address_gets_the_same_answer_and_no_email(Engine engine)
    {
        var app = apps.For(engine);
        var unknown = AccountSteps.NewEmail();

        using var asked = await app.Client().SubmitAsync("/Accounts/ForgotPassword", new Dictionary<string, string> { ["Email"] = unknown });
        using var api = await app.Client().PostAsJsonAsync("/api/account/password-reset", new { email = unknown }, TestContext.Current.CancellationToken);

        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        asked.Headers.Location!.OriginalString.ShouldBe("/Accounts/CheckEmail");
        api.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        app.HasMailTo(unknown).ShouldBeFalse();
    }

    [Theory, BothEngines]
    public async Task Forged_codes_and_bad_input_change_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var ct = TestContext.Current.CancellationToken;
        var stamp = await SecurityStampAsync(app, person);

        using var forged = await app.Client().SubmitAsync($"/Accounts/ResetPassword?userId={person.Id}&code=forged",
            new Dictionary<string, string> { ["NewPassword"] = NewPassword });
        (await forged.TextAsync()).ShouldContain("This link is not valid any more");

        using var forgedApi = await app.Client().PostAsJsonAsync("/api/account/password-reset/complete",
            new { userId = person.Id, code = "forged", newPassword = NewPassword }, ct);
        forgedApi.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var badApi = await app.Client().PostAsJsonAsync("/api/account/password-reset/complete",
            new { userId = Guid.Empty, code = "", newPassword = "short" }, ct);
        badApi.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await badApi.Content.ReadFromJsonAsync<ValidationProblem>(ct);
        problem!.Errors.Keys.ShouldBe(["userId", "code", "newPassword"], ignoreOrder: true);

        using var badRequest = await app.Client().PostAsJsonAsync("/api/account/password-reset", new { email = "nope" }, ct);
        badRequest.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await SecurityStampAsync(app, person)).ShouldBe(stamp);
    }

    static Task<string?> SecurityStampAsync(TestApp app, TestPerson person) =>
        app.ScalarAsync<string>("""SELECT "SecurityStamp" FROM "AspNetUsers" WHERE "Id" = @Id""", new { person.Id });
}
