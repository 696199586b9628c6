using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultation.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInTwoStepModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() =>
        this.SendAsync(sender, new SignInWithSecondFactor.Command(Code ?? "", RememberMe), result =>
        {
            if (result.Outcome == SignInWithPassword.Outcome.SignedIn)
            {
                return this.SignedIn(result.PreferredLanguage!, ReturnUrl);
            }
            Failed = true;
            return Page();
        });
}
