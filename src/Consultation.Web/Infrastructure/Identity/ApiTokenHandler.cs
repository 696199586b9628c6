using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Consultation.Web.Infrastructure.Identity;

/// <summary>
/// Bearer tokens for /api and /hubs: OpenIddict validates the token (signature, expiry, its database entry), and this
/// accepts it only if the person granted the "api" scope, so a token meant just to sign someone in to another
/// application (openid, profile) cannot act for them here. Challenges go to OpenIddict (401 with WWW-Authenticate).
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!token.Succeeded)
        {
            return token.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(token.Failure!);
        }
        return token.Principal.HasScope(OpenIdConnectSetup.ApiScope)
            ? AuthenticateResult.Success(new AuthenticationTicket(token.Principal, token.Properties, Scheme.Name))
            : AuthenticateResult.Fail("The access token was not granted the \"api\" scope.");
    }
}
