using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Web.Features.ApiClients;
using Consultation.Web.Tests.Accounts;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Connect;

public sealed class AuthorizationCodeFlowTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task An_app_signs_a_person_in_with_pkce_and_calls_the_api_for_them(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var clientId = await app.RegisterAppAsync(admin);

        var tokens = await app.SignInAsync(admin, clientId);

        tokens.RefreshToken.ShouldNotBeNull();
        tokens.IdToken.ShouldNotBeNull();
        using var api = app.Bearer(tokens.AccessToken);
        var userInfo = await api.GetFromJsonAsync<JsonElement>("/connect/userinfo", Ct);
        userInfo.GetProperty("sub").GetString().ShouldBe(admin.Id.ToString());
        userInfo.GetProperty("name").GetString().ShouldBe(admin.DisplayName);
        userInfo.GetProperty("email").GetString().ShouldBe(admin.Email);
        var clients = await api.GetFromJsonAsync<List<ListApiClients.ApiClient>>("/api/clients", Ct);
        clients!.ShouldContain(c => c.ClientId == clientId);
    }

    [Theory, BothEngines]
    public async Task Userinfo_gives_the_email_address_only_with_the_email_scope(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var person = await app.CreatePersonAsync();
        var tokens = await app.SignInAsync(person, await app.RegisterAppAsync(admin), "openid profile api");

        using var api = app.Bearer(tokens.AccessToken);
        var userInfo = await api.GetFromJsonAsync<JsonElement>("/connect/userinfo", Ct);

        userInfo.GetProperty("name").GetString().ShouldBe(person.DisplayName);
        userInfo.TryGetProperty("email", out _).ShouldBeFalse();
    }

    [Theory, BothEngines]
    public async Task A_token_acts_only_with_its_persons_rights_and_only_with_the_api_scope(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var person = await app.CreatePersonAsync();
        var clientId = await app.RegisterAppAsync(admin);

        using var personsToken = app.Bearer((await app.SignInAsync(person, clientId)).AccessToken);
        (await personsToken.GetAsync("/api/clients", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var signInOnlyToken = app.Bearer((await app.SignInAsync(admin, clientId, "openid profile")).AccessToken);
        (await signInOnlyToken.GetAsync("/api/clients", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var forgedToken = app.Bearer("not-a-token");
        (await forgedToken.GetAsync("/api/clients", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, BothEngines]
    public async Task A_refresh_token_works_once_and_its_replay_is_refused(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var clientId = await app.RegisterAppAsync(admin);
        var first = await app.SignInAsync(admin, clientId);

        var refreshed = await app.RefreshAsync(clientId, first.RefreshToken!);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await OpenIdConnectFlow.TokensFrom(refreshed);
        second.RefreshToken.ShouldNotBe(first.RefreshToken);
        using (var api = app.Bearer(second.AccessToken))
        {
            (await api.GetAsync("/api/clients", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var replay = await app.RefreshAsync(clientId, first.RefreshToken!);

        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await replay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Theory, BothEngines]
    public async Task Plain_or_missing_pkce_is_refused_and_a_wrong_verifier_redeems_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var clientId = await app.RegisterAppAsync(admin);
        var (verifier, challenge) = OpenIdConnectFlow.Pkce();
        using var browser = await app.SignedInClientAsync(admin);

        foreach (var url in new[]
        {
            OpenIdConnectFlow.AuthorizeUrl(clientId, verifier, method: "plain"),
            OpenIdConnectFlow.AuthorizeUrl(clientId, challenge: null, method: null),
            OpenIdConnectFlow.AuthorizeUrl(clientId, challenge, method: null),
        })
        {
            var refused = await browser.GetAsync(url, Ct);
            // OpenIddict answers on its own page when it refuses before trusting the redirect URI, else at the redirect URI.
            var error = refused.StatusCode == HttpStatusCode.Redirect
                ? OpenIdConnectFlow.Parameter(refused.Headers.Location!, "error")
                : (await refused.Content.ReadAsStringAsync(Ct)).Split('\n')[0];
            error.ShouldBeOneOf(["invalid_request", "error:invalid_request"], url);
            refused.Headers.Location?.Query.ShouldNotContain("code=");
        }

        var code = await app.ApproveAsync(admin, OpenIdConnectFlow.AuthorizeUrl(clientId, challenge));
        (await app.RedeemAsync(clientId, code, OpenIdConnectFlow.Pkce().Verifier)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.RedeemAsync(clientId, code, verifier)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.RedeemAsync(clientId, code, verifier)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a code works once");
    }

    [Theory, BothEngines]
    public async Task Consent_is_asked_once_and_a_refusal_returns_access_denied(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var person = await app.CreatePersonAsync();
        var clientId = await app.RegisterAppAsync(admin);
        using var browser = await app.SignedInClientAsync(person);
        var url = OpenIdConnectFlow.AuthorizeUrl(clientId, OpenIdConnectFlow.Pkce().Challenge);

        var consent = await browser.GetAsync(url, Ct);
        (await consent.Content.ReadAsStringAsync(Ct)).ShouldContain("Field app");
        consent.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("form-action 'self' http://127.0.0.1:7890");
        var refused = await OpenIdConnectFlow.AnswerConsentAsync(browser, url, "deny");
        OpenIdConnectFlow.Parameter(refused.Headers.Location!, "error").ShouldBe("access_denied");

        await app.ApproveAsync(person, url);
        var again = await browser.GetAsync(OpenIdConnectFlow.AuthorizeUrl(clientId, OpenIdConnectFlow.Pkce().Challenge), Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        OpenIdConnectFlow.Parameter(again.Headers.Location!, "code").ShouldNotBeNull();
    }

    [Theory, BothEngines]
    public async Task Someone_not_signed_in_is_sent_to_the_sign_in_page_and_back(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var url = OpenIdConnectFlow.AuthorizeUrl(await app.RegisterAppAsync(admin), OpenIdConnectFlow.Pkce().Challenge);
        using var anonymous = app.Client();

        var response = await anonymous.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signIn = response.Headers.Location!;
        signIn.AbsolutePath.ShouldBe("/Accounts/SignIn");
        OpenIdConnectFlow.Parameter(signIn, "ReturnUrl").ShouldBe(url);
    }

    [Theory, BothEngines]
    public async Task Ending_the_session_signs_the_cookie_out_and_returns_only_to_a_registered_address(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var clientId = await app.RegisterAppAsync(admin);
        using var browser = app.Client();

        var ended = await browser.GetAsync($"/connect/endsession?client_id={clientId}&post_logout_redirect_uri={Uri.EscapeDataString(OpenIdConnectFlow.SignedOutUri)}&state=s", Ct);

        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ended.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(OpenIdConnectFlow.SignedOutUri);
        ended.Headers.GetValues("Set-Cookie").ShouldContain(cookie => cookie.StartsWith("consultation=;", StringComparison.Ordinal));

        var elsewhere = await browser.GetAsync($"/connect/endsession?client_id={clientId}&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}", Ct);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, BothEngines]
    public async Task The_discovery_document_lists_the_endpoints_and_only_s256(Engine engine)
    {
        var app = apps.For(engine);
        using var client = app.Client();

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Ct);

        discovery.GetProperty("authorization_endpoint").GetString().ShouldBe(new Uri(app.BaseAddress, "/connect/authorize").ToString());
        discovery.GetProperty("token_endpoint").GetString().ShouldBe(new Uri(app.BaseAddress, "/connect/token").ToString());
        discovery.GetProperty("userinfo_endpoint").GetString().ShouldBe(new Uri(app.BaseAddress, "/connect/userinfo").ToString());
        discovery.GetProperty("end_session_endpoint").GetString().ShouldBe(new Uri(app.BaseAddress, "/connect/endsession").ToString());
        discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()).ShouldBe(["S256"]);
        discovery.GetProperty("grant_types_supported").EnumerateArray().Select(m => m.GetString())
            .ShouldBe(["authorization_code", "client_credentials", "refresh_token"], ignoreOrder: true);
        discovery.GetProperty("scopes_supported").EnumerateArray().Select(m => m.GetString()).ShouldContain("api");
    }
}
