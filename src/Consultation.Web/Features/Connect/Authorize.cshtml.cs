using System.Collections.Immutable;
using Consultation.Web.Infrastructure.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Consultation.Web.Features.Connect;

/// <summary>
/// /connect/authorize: OpenIddict has already checked the client, redirect URI and PKCE; this page signs the person
/// in (the Identity cookie), asks their consent when the client's consent type is explicit, and issues the code.
/// </summary>
public sealed class AuthorizeModel(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    UserManager<ApplicationUser> users) : PageModel
{
    public string ClientName { get; private set; } = "";

    public ImmutableArray<string> RequestedScopes { get; private set; } = [];

    /// <summary>The authorization request, carried through the consent form as hidden fields.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestParameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => DecideAsync(decision: null);

    public Task<IActionResult> OnPostAsync([FromForm] string? decision) => DecideAsync(decision);

    async Task<IActionResult> DecideAsync(string? decision)
    {
        var ct = HttpContext.RequestAborted;
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var person = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        if (person is null || request.HasPromptValue(PromptValues.Login))
        {
            return request.HasPromptValue(PromptValues.None)
                ? Refuse(Errors.LoginRequired, "The person is not signed in.")
                : SignInFirst(request);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, ct)
            ?? throw new InvalidOperationException("OpenIddict validated a client that does not exist.");
        var subject = person.Id.ToString();
        var applicationId = await applications.GetIdAsync(application, ct);
        var scopes = request.GetScopes();
        var standing = await authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes, ct)
            .ToListAsync(ct);
        var explicitConsent = await applications.HasConsentTypeAsync(application, ConsentTypes.Explicit, ct);

        if (decision == "deny")
        {
            return Refuse(Errors.AccessDenied, "The person refused to authorise the application.");
        }
        if (explicitConsent && standing.Count == 0 && decision != "accept")
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.ConsentRequired, "The person has not authorised this application yet.");
            }
            ClientName = await applications.GetLocalizedDisplayNameAsync(application, ct) ?? request.ClientId!;
            RequestedScopes = scopes;
            RequestParameters = Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())).ToList();
            AllowFormToRedirectTo(request.RedirectUri!);
            return Page();
        }

        var principal = ConnectIdentity.For(person, scopes);
        // A permanent authorization remembers the consent, and ties the tokens issued from it together for revocation.
        var authorization = standing.LastOrDefault()
            ?? await authorizations.CreateAsync(principal, subject, applicationId!, AuthorizationTypes.Permanent, scopes, ct);
        principal.SetAuthorizationId(await authorizations.GetIdAsync(authorization, ct));
        return SignIn(principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // prompt=login is dropped from the way back, or signing in would lead straight back to the sign-in page.
    ChallengeResult SignInFirst(OpenIddictRequest request)
    {
        var parameters = Request.Query.Where(p => p.Key != Parameters.Prompt).ToList();
        var otherPrompts = request.GetPromptValues().Remove(PromptValues.Login);
        if (!otherPrompts.IsEmpty)
        {
            parameters.Add(KeyValuePair.Create(Parameters.Prompt, new Microsoft.Extensions.Primitives.StringValues(string.Join(' ', otherPrompts))));
        }
        return Challenge(new AuthenticationProperties { RedirectUri = Request.PathBase + Request.Path + QueryString.Create(parameters) },
            IdentityConstants.ApplicationScheme);
    }

    ForbidResult Refuse(string error, string description) =>
        Forbid(ConnectIdentity.Refusal(error, description), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    // Browsers apply the page's form-action policy to the redirect that follows the form, so the client's origin is allowed.
    void AllowFormToRedirectTo(string redirectUri)
    {
        var origin = new Uri(redirectUri).GetLeftPart(UriPartial.Authority);
        Response.Headers.ContentSecurityPolicy = Response.Headers.ContentSecurityPolicy.ToString()
            .Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal);
    }
}
