using System.Collections.Immutable;
using System.Security.Claims;
using Consultation.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Consultation.Web.Features.Connect;

/// <summary>
/// What a person's tokens say about them, built fresh from the account each time a token is issued (so a renamed or
/// re-addressed person is not described by stale claims). The access token carries only the subject; the identity
/// token adds the name and email the person agreed to share.
/// </summary>
public static class ConnectIdentity
{
    public static ClaimsPrincipal For(ApplicationUser person, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity("OpenIddict.Server.AspNetCore", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Id.ToString());
        if (scopes.Contains(Scopes.Profile))
        {
            identity.SetClaim(Claims.Name, person.DisplayName);
        }
        if (scopes.Contains(Scopes.Email))
        {
            identity.SetClaim(Claims.Email, person.Email);
        }
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type == Claims.Subject
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>What OpenIddict sends back when a request is refused: the OAuth error code and a description.</summary>
    public static AuthenticationProperties Refusal(string error, string description) =>
        new(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });
}
