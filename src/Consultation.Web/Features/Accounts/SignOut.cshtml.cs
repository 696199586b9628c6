using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Accounts;

/// <summary>Signing out is a POST (the layout's button), so that a link or an image cannot sign anyone out.</summary>
public sealed class SignOutModel(ISender sender) : PageModel
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => this.SendAsync(sender, new SignOutOfSession.Command(), _ => LocalRedirect("/"));
}
