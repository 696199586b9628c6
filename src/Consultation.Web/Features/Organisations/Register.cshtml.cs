using Consultation.Web.Features.Reference;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Organisations;

public sealed class RegisterModel(ISender sender) : PageModel
{
    [BindProperty]
    public RegisterOrganisation.Command Input { get; set; } = new(null, null, null, [], null, null, null, null);

    public GetReferenceData.Result Reference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        Reference = await sender.Send(new GetReferenceData.Query(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Reference = await sender.Send(new GetReferenceData.Query(), HttpContext.RequestAborted);
        return await this.SendAsync(sender, Input, id => RedirectToPage("Details", new { id }), nameof(Input));
    }
}
