using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Consultation.Web.Features.ApiClients;
using Consultation.Web.Tests.Accounts;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Connect;

public sealed record Tokens(string AccessToken, string? RefreshToken, string? IdToken);

/// <summary>
/// An API client's side of OpenID Connect, over real HTTP. The person approving the client signs in through the real
/// sign-in pages (password, and the authenticator code when they have two-factor sign-in), so the whole flow is real.
/// </summary>
public static partial class OpenIdConnectFlow
{
    public const string RedirectUri = "http://127.0.0.1:7890/callback";
    public const string SignedOutUri = "http://127.0.0.1:7890/signed-out";
    public const string AllScopes = "openid profile email offline_access api";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> RegisterAppAsync(this TestApp app, TestPerson admin, string name = "Field app") =>
        (await app.SendAsync(admin, new RegisterApiClient.Command(name, RegisterApiClient.Kind.Public, [RedirectUri], [SignedOutUri]))).ClientId;

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string clientId, string? challenge, string? method = "S256", string scope = AllScopes)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scope,
            ["state"] = "state-123",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = method,
        };
        return "/connect/authorize?" + string.Join('&', query.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }

    /// <summary>The person opens the authorization request, approves the consent form, and the client redeems the code.</summary>
    public static async Task<Tokens> SignInAsync(this TestApp app, TestPerson person, string clientId, string scope = AllScopes)
    {
        var (verifier, challenge) = Pkce();
        var code = await app.ApproveAsync(person, AuthorizeUrl(clientId, challenge, scope: scope));
        var response = await app.RedeemAsync(clientId, code, verifier);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await TokensFrom(response);
    }

    /// <summary>Shows the consent page, accepts it, and returns the code from the redirect back to the client.</summary>
    public static async Task<string> ApproveAsync(this TestApp app, TestPerson person, string authorizeUrl)
    {
        using var browser = await app.SignedInClientAsync(person);
        var approved = await AnswerConsentAsync(browser, authorizeUrl, "accept");

        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = approved.Headers.Location!;
        back.GetLeftPart(UriPartial.Path).ShouldBe(RedirectUri);
        Parameter(back, "state").ShouldBe("state-123");
        return Parameter(back, "code") ?? throw new ShouldAssertException($"no code in {back}");
    }

    /// <summary>Opens the consent page and submits its form with the person's decision ("accept" or "deny").</summary>
    public static async Task<HttpResponseMessage> AnswerConsentAsync(HttpClient browser, string authorizeUrl, string decision)
    {
        var consent = await browser.GetAsync(authorizeUrl, Ct);
        consent.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fields = HiddenFields(await consent.Content.ReadAsStringAsync(Ct));
        fields.Add(KeyValuePair.Create("decision", decision));
        return await browser.PostAsync(authorizeUrl, new FormUrlEncodedContent(fields), Ct);
    }

    public static Task<HttpResponseMessage> RedeemAsync(this TestApp app, string clientId, string code, string verifier) =>
        app.TokenRequestAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        });

    public static Task<HttpResponseMessage> RefreshAsync(this TestApp app, string clientId, string refreshToken) =>
        app.TokenRequestAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken });

    public static async Task<HttpResponseMessage> TokenRequestAsync(this TestApp app, Dictionary<string, string> form)
    {
        using var client = app.Client();
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(form), Ct);
    }

    public static async Task<Tokens> TokensFrom(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return new Tokens(json.GetProperty("access_token").GetString()!, Optional(json, "refresh_token"), Optional(json, "id_token"));
    }

    /// <summary>An anonymous client (no test header) that presents the access token, as an API client would.</summary>
    public static HttpClient Bearer(this TestApp app, string accessToken)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static string? Parameter(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair[1].Replace('+', ' ')))
            .FirstOrDefault();

    static string? Optional(JsonElement json, string name) => json.TryGetProperty(name, out var value) ? value.GetString() : null;

    // Only the consent form's fields: the page's language form has hidden fields of its own.
    static List<KeyValuePair<string, string>> HiddenFields(string html) =>
        HiddenInput().Matches(ConsentForm().Match(html).Value)
            .Select(input => KeyValuePair.Create(
                WebUtility.HtmlDecode(Attribute(input.Value, "name")),
                WebUtility.HtmlDecode(Attribute(input.Value, "value"))))
            .ToList();

    static string Attribute(string element, string name) => Regex.Match(element, $@"\b{name}=""([^""]*)""").Groups[1].Value;

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex(@"<form method=""post"">(?:(?!</form>).)*name=""decision""(?:(?!</form>).)*</form>", RegexOptions.Singleline)]
    private static partial Regex ConsentForm();

    [GeneratedRegex(@"<input[^>]*type=""hidden""[^>]*>")]
    private static partial Regex HiddenInput();
}
