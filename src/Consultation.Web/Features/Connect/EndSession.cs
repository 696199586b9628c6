using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;

namespace Consultation.Web.Features.Connect;

/// <summary>
/// GET/POST /connect/endsession: signs the person's cookie out, then OpenIddict returns them to the client's
/// post_logout_redirect_uri when it is one the client registered, else to the home page.
/// </summary>
public static class EndSession
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder connect) =>
        connect.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }).ExcludeFromDescription();
}
