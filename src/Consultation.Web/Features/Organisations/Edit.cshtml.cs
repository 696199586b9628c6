using Consultation.Web.Features.Reference;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Organisations;

public sealed class EditModel(ISender sender) : PageModel
{
    [BindProperty]
    public EditOrganisationProfile.Command Input { get; set; } = null!;

    public GetReferenceData.Result Reference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var organisation = await sender.Send(new GetOrganisation.Query(id), HttpContext.RequestAborted);
        if (this.UnlessRepresentative(organisation) is { } refusal)
        {
            return refusal;
        }
        Input = new(id, organisation!.Name, organisation.CountryCode, organisation.RegionCode, [.. organisation.Constituencies],
            organisation.Description, organisation.Website, organisation.Private?.ContactEmail, organisation.Private?.ContactPhone);
        Reference = await sender.Send(new GetReferenceData.Query(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Reference = await sender.Send(new GetReferenceData.Query(), HttpContext.RequestAborted);
        return await this.SendAsync(sender, Input with { OrganisationId = id }, _ => RedirectToPage("Details", new { id }), nameof(Input));
    }
}
