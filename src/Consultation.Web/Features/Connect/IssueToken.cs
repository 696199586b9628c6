using System.Security.Claims;
using Consultation.Web.Infrastructure.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Consultation.Web.Features.Connect;

/// <summary>
/// POST /connect/token. OpenIddict has already checked the client, the code and its PKCE verifier, or the refresh
/// token (each works once); this step refuses people who may no longer sign in and describes them afresh.
/// Client-credentials tokens name the client, never a person: their subject is the client id (not a person's id),
/// so they can call only what anonymous callers may (public reads).
/// </summary>
public static class IssueToken
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder connect) =>
        connect.MapPost("/connect/token", async (HttpContext http, SignInManager<ApplicationUser> signIn) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            if (request.IsClientCredentialsGrantType())
            {
                var client = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
                client.SetClaim(Claims.Subject, request.ClientId);
                client.SetScopes(request.GetScopes());
                client.SetDestinations(_ => [Destinations.AccessToken]);
                return Results.SignIn(new ClaimsPrincipal(client), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            }

            // Authorization code or refresh token: the principal OpenIddict stored when the code or token was issued.
            var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var person = Guid.TryParse(granted?.GetClaim(Claims.Subject), out var id) ? await signIn.UserManager.FindByIdAsync(id.ToString()) : null;
            if (granted is null || person is null || !await signIn.CanSignInAsync(person) || await signIn.UserManager.IsLockedOutAsync(person))
            {
                return Results.Forbid(ConnectIdentity.Refusal(Errors.InvalidGrant, "The person may no longer sign in."),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            var principal = ConnectIdentity.For(person, granted.GetScopes());
            principal.SetAuthorizationId(granted.GetAuthorizationId());
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }).ExcludeFromDescription();
}
