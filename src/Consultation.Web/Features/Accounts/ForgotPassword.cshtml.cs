using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultation.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.PasswordReset)]
public sealed class ForgotPasswordModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() =>
        this.SendAsync(sender, new RequestPasswordReset.Command(Email ?? ""), _ => RedirectToPage("CheckEmail"));
}
