using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consultation.Web.Tests.Support;

/// <summary>
/// The one test seam in authentication: a request carrying X-Test-User is signed in as that person, so the
/// authorisation matrix can test every endpoint without a sign-in round trip each time. Requests without the header
/// go to the platform's real schemes (cookie, bearer token), which their own tests exercise.
/// </summary>
public static class TestSignIn
{
    public const string Header = "X-Test-User";
    const string SchemeName = "Test";
    const string Selector = "TestOrPlatform";

    public static ClaimsPrincipal Principal(Guid userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], SchemeName));

    public static void AddTestSignIn(this IServiceCollection services)
    {
        string? platformDefault = null;
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, HeaderHandler>(SchemeName, null)
            .AddPolicyScheme(Selector, null, policy =>
                policy.ForwardDefaultSelector = http => http.Request.Headers.ContainsKey(Header) ? SchemeName : platformDefault);
        services.PostConfigure<AuthenticationOptions>(options =>
        {
            platformDefault = options.DefaultAuthenticateScheme ?? options.DefaultScheme;
            options.DefaultAuthenticateScheme = Selector;
        });
    }

    sealed class HeaderHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Guid.TryParse(Request.Headers[Header], out var id)
                ? AuthenticateResult.Success(new AuthenticationTicket(Principal(id), SchemeName))
                : AuthenticateResult.NoResult());
    }
}
