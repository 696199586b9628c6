using System.Globalization;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultation.Web.Features.Accounts;

[EnableRateLimiting(RateLimits.Registration)]
public sealed class RegisterModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string PreferredLanguage { get; set; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() =>
        this.SendAsync(sender, new Register.Command(Email ?? "", Password ?? "", DisplayName ?? "", PreferredLanguage),
            _ => RedirectToPage("CheckEmail"));
}
