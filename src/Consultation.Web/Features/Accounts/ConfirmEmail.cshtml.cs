using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Accounts;

public sealed class ConfirmEmailModel(ISender sender) : PageModel
{
    public bool Confirmed { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid userId, string? code) =>
        this.SendAsync(sender, new ConfirmEmail.Command(userId, code ?? ""), result =>
        {
            Confirmed = result == ConfirmEmail.Result.Confirmed;
            return Page();
        });
}
