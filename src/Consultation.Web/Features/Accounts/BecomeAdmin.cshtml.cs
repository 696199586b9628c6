using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Accounts;

/// <summary>The first-admin link printed at start-up; opening it asks for confirmation, so a prefetch changes nothing.</summary>
[Authorize]
public sealed class BecomeAdminModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public BecomeAdmin.Result? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() =>
        this.SendAsync(sender, new BecomeAdmin.Command(Token ?? ""), result =>
        {
            Outcome = result;
            return Page();
        });
}
