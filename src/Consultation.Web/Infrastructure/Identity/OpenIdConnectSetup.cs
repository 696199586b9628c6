using Consultation.Web.Infrastructure.Housekeeping;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Consultation.Web.Infrastructure.Identity;

/// <summary>
/// The OpenID Connect server API clients sign people in through (authorization code with PKCE S256 only, rotating
/// refresh tokens, client credentials for integrations), and the bearer-token validation that lets /api and /hubs
/// accept its access tokens beside the Identity cookie. Must be added after <see cref="IdentitySetup"/>.
/// </summary>
public static class OpenIdConnectSetup
{
    /// <summary>The scope an access token needs to call /api and /hubs on a person's behalf.</summary>
    public const string ApiScope = "api";

    /// <summary>The default authenticate and challenge scheme: the cookie, or a bearer token when the request carries one.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddConsultationOpenIdConnect(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<IHousekeepingTask, ExpiredTokenPruning>();
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityStore>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("/connect/authorize")
                    .SetTokenEndpointUris("/connect/token")
                    .SetUserInfoEndpointUris("/connect/userinfo")
                    .SetEndSessionEndpointUris("/connect/endsession");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                // "plain" PKCE protects nothing once the challenge leaks; only S256 is offered or accepted.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                // Each refresh token works once: a replayed one is refused and revokes the tokens issued from it.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, ApiScope);
                OpenIdConnectKeys.Add(server, configuration, environment);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
                {
                    // Plain HTTP on a developer's machine and the test server; production sits behind TLS.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                // Checks the token's database entry on each request, so removing a client or revoking a token takes effect at once.
                validation.EnableTokenEntryValidation();
                validation.UseAspNetCore();
            });

        services.AddAuthentication(options =>
            {
                options.DefaultAuthenticateScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
                options.DefaultForbidScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, null, policy => policy.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, token =>
            {
                token.ForwardChallenge = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
                token.ForwardForbid = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            });
        return services;
    }

    /// <summary>
    /// The token and userinfo endpoints answer with OpenIddict's own status, body and WWW-Authenticate header; the
    /// browser error pages (status code re-execution) would replace them. Goes after UseStatusCodePages.
    /// </summary>
    public static IApplicationBuilder UseOpenIdConnectResponses(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if ((http.Request.Path.StartsWithSegments("/connect/token") || http.Request.Path.StartsWithSegments("/connect/userinfo"))
                && http.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
            return next(http);
        });

    /// <summary>
    /// A bearer token (header, or the access_token query parameter browsers' WebSockets must use for /hubs) goes to
    /// <see cref="ApiTokenHandler"/>; everything else is the cookie. /connect pages always use the cookie: a token must
    /// never stand in for the person approving another client.
    /// </summary>
    static string SchemeFor(HttpContext http)
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/connect"))
        {
            if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || (request.Path.StartsWithSegments("/hubs") && request.Query.ContainsKey("access_token")))
            {
                return ApiTokenHandler.SchemeName;
            }
        }
        return IdentityConstants.ApplicationScheme;
    }
}
