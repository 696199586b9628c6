using System.Net;
using Consultation.Web.Features.ApiClients;
using Consultation.Web.Tests.Accounts;
using Consultation.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Consultation.Web.Tests.Connect;

public sealed class PersonalHubTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task People_who_authorised_a_removed_app_are_told_and_its_tokens_stop_working(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var person = await app.CreatePersonAsync();
        var bystander = await app.CreatePersonAsync();
        var clientId = await app.RegisterAppAsync(admin, "Rapporteur notes");
        var personsTokens = await app.SignInAsync(person, clientId);
        var bystandersTokens = await app.SignInAsync(bystander, await app.RegisterAppAsync(admin, "Other app"));
        await using var personsPages = Hub(app, personsTokens.AccessToken);
        await using var bystandersPages = Hub(app, bystandersTokens.AccessToken);
        var told = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bystanderTold = false;
        personsPages.On<string>("ApplicationAccessEnded", name => told.TrySetResult(name));
        bystandersPages.On<string>("ApplicationAccessEnded", _ => bystanderTold = true);
        await personsPages.StartAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await bystandersPages.StartAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        (await app.SendAsync(admin, new RemoveApiClient.Command(clientId))).ShouldBeTrue();

        (await told.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct)).ShouldBe("Rapporteur notes");
        bystanderTold.ShouldBeFalse();
        using var api = app.Bearer(personsTokens.AccessToken);
        (await api.GetAsync("/connect/userinfo", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.RefreshAsync(clientId, personsTokens.RefreshToken!)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the client no longer exists");
    }

    // The site's own pages connect with the sign-in cookie; API clients with a bearer token (above).
    [Theory, BothEngines]
    public async Task A_person_signed_in_with_the_cookie_connects_and_is_told_about_their_apps(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var person = await app.CreatePersonAsync();
        var clientId = await app.RegisterAppAsync(admin, "Cookie notes");
        await app.SignInAsync(person, clientId);
        var cookies = new CookieContainer();
        using (var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies })
        { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) })
        {
            using var signedIn = await browser.SignInAsync(person.Email, person.Password);
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        await using var pages = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/personal"), options => options.Headers["Cookie"] = cookies.GetCookieHeader(app.BaseAddress))
            .Build();
        var told = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        pages.On<string>("ApplicationAccessEnded", name => told.TrySetResult(name));
        await pages.StartAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        (await app.SendAsync(admin, new RemoveApiClient.Command(clientId))).ShouldBeTrue();

        (await told.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct)).ShouldBe("Cookie notes");
    }

    [Theory, BothEngines]
    public async Task Nobody_connects_without_signing_in(Engine engine)
    {
        var app = apps.For(engine);
        await using var anonymous = Hub(app, accessToken: null);

        var refused = await Should.ThrowAsync<HttpRequestException>(() => anonymous.StartAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct));

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    internal static HubConnection Hub(TestApp app, string? accessToken) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/personal"), options => options.AccessTokenProvider = () => Task.FromResult(accessToken))
            .Build();
}
