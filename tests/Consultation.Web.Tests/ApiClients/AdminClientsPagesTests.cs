using System.Net;
using System.Text.RegularExpressions;
using Consultation.Web.Features.ApiClients;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.ApiClients;

public sealed partial class AdminClientsPagesTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task An_admin_registers_an_integration_on_the_page_and_sees_its_secret_once(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        using var browser = app.Client(admin);
        var name = "Mirror " + Guid.NewGuid().ToString("N")[..6];

        var registered = await PostFormAsync(browser, "/Admin/Clients/Register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.ClientKind"] = "Confidential",
            ["Input.RedirectUris"] = "",
            ["Input.PostLogoutRedirectUris"] = "",
        });

        registered.StatusCode.ShouldBe(HttpStatusCode.OK);
        registered.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var page = await registered.Content.ReadAsStringAsync(Ct);
        page.ShouldContain("id=\"client-secret\"");
        var list = await browser.GetStringAsync("/Admin/Clients", Ct);
        list.ShouldContain(name);
        list.ShouldNotContain("client-secret");
    }

    [Theory, BothEngines]
    public async Task Bad_input_on_the_page_is_shown_beside_its_field_and_nothing_is_written(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        using var browser = app.Client(admin);
        var name = "Unsafe " + Guid.NewGuid().ToString("N")[..6];

        var refused = await PostFormAsync(browser, "/Admin/Clients/Register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.ClientKind"] = "Public",
            ["Input.RedirectUris"] = "http://app.example.org/callback",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync(Ct);
        page.ShouldMatch(@"id=""redirect-uris-error""[^>]*>[^<]*https");
        (await app.SendAsync(admin, new ListApiClients.Query())).ShouldNotContain(c => c.DisplayName == name);
    }

    [Theory, BothEngines]
    public async Task The_pages_speak_the_persons_language(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        using var browser = app.Client(admin);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        (await browser.GetStringAsync("/Admin/Clients", Ct)).ShouldContain("<h1>Clients de l");
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        (await browser.GetStringAsync("/Admin/Clients/Register", Ct)).ShouldContain("نوع العميل");
    }

    [Theory, BothEngines]
    public async Task Only_admins_with_two_factors_see_the_pages(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync(twoFactor: true);
        var adminWithoutTwoFactor = await app.CreatePersonAsync(admin: true);

        foreach (var path in new[] { "/Admin/Clients", "/Admin/Clients/Register" })
        {
            using var anonymous = app.Client();
            var challenged = await anonymous.GetAsync(path, Ct);
            challenged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            challenged.Headers.Location!.AbsolutePath.ShouldBe("/Accounts/SignIn");
            foreach (var refusedPerson in new[] { person, adminWithoutTwoFactor })
            {
                using var browser = app.Client(refusedPerson);
                var refused = await browser.GetAsync(path, Ct);
                refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
                refused.Headers.Location!.AbsolutePath.ShouldBe("/Error/403");
            }
        }
    }

    /// <summary>Opens the form (for its antiforgery token and cookie) and posts the fields, as a browser would.</summary>
    static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var form = await browser.GetStringAsync(path, Ct);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex AntiforgeryToken();
}
