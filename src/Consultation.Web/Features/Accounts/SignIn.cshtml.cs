using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultation.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() =>
        this.SendAsync(sender, new SignInWithPassword.Command(Email ?? "", Password ?? "", RememberMe), Continue);

    IActionResult Continue(SignInWithPassword.Result result)
    {
        switch (result.Outcome)
        {
            case SignInWithPassword.Outcome.SignedIn:
                return this.SignedIn(result.PreferredLanguage!, ReturnUrl);
            case SignInWithPassword.Outcome.TwoFactorRequired:
                return RedirectToPage("SignInTwoStep", new { ReturnUrl, RememberMe });
            default:
                Failed = true;
                return Page();
        }
    }
}

static class SignedInPages
{
    /// <summary>Both sign-in steps end here: the interface switches to the person's language, then back where they were.</summary>
    public static IActionResult SignedIn(this PageModel page, string preferredLanguage, string? returnUrl)
    {
        Languages.Remember(page.HttpContext, preferredLanguage);
        return page.LocalRedirect(page.Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
