using System.Net;
using System.Text.RegularExpressions;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Localisation;

/// <summary>The shell in the reader's language (resx lookup, right-to-left Arabic) and the POST /language switch.</summary>
public sealed partial class LanguageTests(TestApps apps)
{
    const string ArabicHeading = "مساحة المجتمع المدني الخاصة بالمشاورات";

    [Theory, BothEngines]
    public async Task Home_page_in_Arabic_is_right_to_left_and_translated(Engine engine)
    {
        using var client = Browser(apps.For(engine));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        html.ShouldContain("""<html lang="ar" dir="rtl">""");
        html.ShouldContain($"<h1>{ArabicHeading}</h1>");
        // The shared shell (IStringLocalizer) is translated too, and written as letters, not &#x...; entities.
        html.ShouldContain("الانتقال إلى المحتوى");
    }

    [Theory, BothEngines]
    public async Task A_missing_page_shows_the_error_page_in_the_readers_language(Engine engine)
    {
        using var client = Browser(apps.For(engine));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        using var response = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TextOfAsync(response)).ShouldContain("<h1>Cette page n'existe pas, ou vous n'avez pas le droit de la voir.</h1>");
    }

    [Theory, BothEngines]
    public async Task Choosing_a_language_keeps_it_in_a_cookie_and_goes_back_to_the_page(Engine engine)
    {
        using var client = Browser(apps.For(engine));

        using var response = await SwitchAsync(client, "ar", "/Organisations?page=2");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/Organisations?page=2");
        response.Headers.GetValues("Set-Cookie").ShouldContain(cookie =>
            cookie.StartsWith(".AspNetCore.Culture=c%3Dar%7Cuic%3Dar;", StringComparison.Ordinal) && cookie.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        html.ShouldContain("""<html lang="ar" dir="rtl">""");
    }

    [Theory, BothEngines]
    public async Task Behind_the_local_proxy_over_HTTPS_the_language_cookie_is_secure(Engine engine)
    {
        using var client = Browser(apps.For(engine));
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await SwitchAsync(client, "fr", "/");

        response.Headers.GetValues("Set-Cookie").ShouldContain(cookie =>
            cookie.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory, BothEngines]
    public async Task Language_switch_never_redirects_to_another_site(Engine engine)
    {
        foreach (var returnUrl in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example/", "" })
        {
            using var client = Browser(apps.For(engine));

            using var response = await SwitchAsync(client, "es", returnUrl);

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, returnUrl);
            response.Headers.Location!.OriginalString.ShouldBe("/", returnUrl);
        }
    }

    [Theory, BothEngines]
    public async Task Language_switch_refuses_a_post_without_the_antiforgery_token(Engine engine)
    {
        using var client = Browser(apps.For(engine));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/" });

        using var response = await client.PostAsync("/language", form, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        SetsCultureCookie(response).ShouldBeFalse();
        (await TextOfAsync(response)).ShouldContain("<h1>No se ha podido entender esta solicitud. Vuelva atrás e inténtelo de nuevo.</h1>");
    }

    [Theory, BothEngines]
    public async Task Language_switch_refuses_a_token_from_another_session_with_400(Engine engine)
    {
        var app = apps.For(engine);
        using var other = Browser(app);
        var othersToken = AntiforgeryToken().Match(LanguageForm().Match(await other.GetStringAsync("/", TestContext.Current.CancellationToken)).Value);
        using var client = Browser(app);
        await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "fr",
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(othersToken.Groups[1].Value),
        });

        using var response = await client.PostAsync("/language", form, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        SetsCultureCookie(response).ShouldBeFalse();
    }

    [Theory, BothEngines]
    public async Task Language_switch_refuses_an_unsupported_language(Engine engine)
    {
        using var client = Browser(apps.For(engine));

        using var response = await SwitchAsync(client, "de", "/");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"culture\"");
        SetsCultureCookie(response).ShouldBeFalse();
    }

    // TestApp.Client() follows redirects once the app runs on Kestrel (the factory's inner handler follows them), and
    // these tests must see where a redirect points; so a client of their own, with cookies like a browser.
    static HttpClient Browser(TestApp app) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    // Razor writes an apostrophe as &#x27;.
    static async Task<string> TextOfAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    static bool SetsCultureCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(cookie => cookie.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));

    /// <summary>Submits the language form as a browser would: the antiforgery token comes from the page's own form.</summary>
    static async Task<HttpResponseMessage> SwitchAsync(HttpClient client, string culture, string returnUrl)
    {
        var page = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var languageForm = LanguageForm().Match(page);
        languageForm.Success.ShouldBeTrue("the page has no language form");
        var token = AntiforgeryToken().Match(languageForm.Value);
        token.Success.ShouldBeTrue("the language form has no antiforgery token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = culture,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        return await client.PostAsync("/language", form, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("""<form[^>]*action="/language".*?</form>""", RegexOptions.Singleline)]
    private static partial Regex LanguageForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
