using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Organisations;

public sealed class InviteModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; } = "member";

    [TempData]
    public string? Notice { get; set; }

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var organisation = await sender.Send(new GetOrganisation.Query(id), HttpContext.RequestAborted);
        if (this.UnlessRepresentative(organisation) is { } refusal)
        {
            return refusal;
        }
        Name = organisation!.Name;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id) =>
        this.SendAsync(sender, new InviteMember.Command(id, Email, Role), _ =>
        {
            Notice = "Invitation sent. The link works for 14 days.";
            return RedirectToPage("Details", new { id });
        });
}
