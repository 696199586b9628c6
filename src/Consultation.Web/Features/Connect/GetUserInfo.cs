using Consultation.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Consultation.Web.Features.Connect;

/// <summary>GET/POST /connect/userinfo: the subject, the display name with "profile", the email address only with "email".</summary>
public static class GetUserInfo
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder connect) =>
        connect.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, UserManager<ApplicationUser> users) =>
        {
            // OpenIddict has validated the access token; a client-credentials token has no person behind it.
            var token = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var person = Guid.TryParse(token?.GetClaim(Claims.Subject), out var id) ? await users.FindByIdAsync(id.ToString()) : null;
            if (token is null || person is null)
            {
                return Results.Challenge(ConnectIdentity.Refusal(Errors.InvalidToken, "The token does not name a person."),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            var claims = new Dictionary<string, object?> { [Claims.Subject] = person.Id.ToString() };
            if (token.HasScope(Scopes.Profile))
            {
                claims[Claims.Name] = person.DisplayName;
            }
            if (token.HasScope(Scopes.Email))
            {
                claims[Claims.Email] = person.Email;
                claims[Claims.EmailVerified] = person.EmailConfirmed;
            }
            return Results.Ok(claims);
        }).ExcludeFromDescription();
}
