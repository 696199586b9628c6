using System.Net;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Accounts;

public sealed class ManageTests(TestApps apps)
{
    const string Profile = """SELECT "DisplayName" || '|' || "PreferredLanguage" FROM "AspNetUsers" WHERE "Id" = @Id""";

    [Theory, BothEngines]
    public async Task Changing_name_and_language_saves_both_and_switches_the_interface(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();

        using var saved = await app.Client(person).SubmitAsync("/Accounts/Manage",
            new Dictionary<string, string> { ["DisplayName"] = "  Tamazgha Youth  ", ["PreferredLanguage"] = "ar" });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.GetValues("Set-Cookie").ShouldContain(cookie => cookie.StartsWith(".AspNetCore.Culture=c%3Dar", StringComparison.Ordinal));
        (await app.ScalarAsync<string>(Profile, new { person.Id })).ShouldBe("Tamazgha Youth|ar");
    }

    [Theory, BothEngines]
    public async Task Bad_profile_input_is_shown_again_and_nothing_is_written(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();

        using var refused = await app.Client(person).SubmitAsync("/Accounts/Manage",
            new Dictionary<string, string> { ["DisplayName"] = new string('x', 101), ["PreferredLanguage"] = "klingon" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.TextAsync();
        html.ShouldMatch("""id="DisplayName-error"[^>]*>[^<]+<""");
        html.ShouldMatch("""id="PreferredLanguage-error"[^>]*>[^<]+<""");
        (await app.ScalarAsync<string>(Profile, new { person.Id })).ShouldBe($"{person.DisplayName}|en");
    }
}
