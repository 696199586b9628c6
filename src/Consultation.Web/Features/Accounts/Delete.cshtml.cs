using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Accounts;

[Authorize]
public sealed class DeleteModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    public IReadOnlyList<string> SoleRepresentativeOf { get; private set; } = [];

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() =>
        this.SendAsync(sender, new DeleteMyAccount.Command(Password ?? ""), result =>
        {
            if (result.Outcome == DeleteMyAccount.Outcome.Deleted)
            {
                return LocalRedirect("/");
            }
            SoleRepresentativeOf = result.SoleRepresentativeOf;
            return Page();
        });
}
