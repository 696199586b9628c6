using System.Net;
using Consultation.Web.Features.ApiClients;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Connect;

public sealed class ClientCredentialsTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task An_integration_gets_a_token_for_public_reads_that_acts_for_no_one(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var integration = await app.SendAsync(admin, new RegisterApiClient.Command("Data mirror", RegisterApiClient.Kind.Confidential, null, null));

        var issued = await app.TokenRequestAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = integration.ClientId,
            ["client_secret"] = integration.ClientSecret!,
            ["scope"] = "api",
        });

        issued.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = await OpenIdConnectFlow.TokensFrom(issued);
        tokens.RefreshToken.ShouldBeNull();
        using var api = app.Bearer(tokens.AccessToken);
        (await api.GetAsync("/api/reference", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/api/clients", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, BothEngines]
    public async Task A_wrong_secret_gets_no_token(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var integration = await app.SendAsync(admin, new RegisterApiClient.Command("Data mirror", RegisterApiClient.Kind.Confidential, null, null));

        var refused = await app.TokenRequestAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = integration.ClientId,
            ["client_secret"] = "guessed",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
