using Consultation.Web.Features.Reference;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Consultations;

/// <summary>
/// The form that creates a consultation in draft, for the networks and organisations the person may run one for.
/// Stable field names: Owner ("network:{id}" or "organisation:{id}") and the Details.* fields of _ConsultationFields.
/// </summary>
[Authorize]
public sealed class CreateModel(ISender sender, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public ConsultationForm Details { get; set; } = new();

    public IReadOnlyList<ListConsultationOwners.Owner> Owners { get; private set; } = [];

    public GetReferenceData.Result Reference { get; private set; } = null!;

    public DateTimeOffset NowUtc => clock.GetUtcNow();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Owner = Owners.Count == 1 ? Owners[0].Key : null;
        var today = NowUtc.UtcDateTime.Date;
        Details = new ConsultationForm
        {
            Scope = "country",
            OpensAt = ConsultationForm.Text(today.AddDays(1).AddHours(9)),
            ClosesAt = ConsultationForm.Text(today.AddDays(31).AddHours(17)),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // An unknown owner is sent as neither, which the validator names ("NetworkId", shown beside the Owner field).
        var owner = ParseOwner(Owner);
        var result = await this.SendAsync(sender, new CreateConsultation.Command(owner.NetworkId, owner.OrganisationId, Details.ToDetails()),
            created => RedirectToPage("/Consultations/Consultation", new { id = created.Id }));
        if (result is PageResult)
        {
            await LoadAsync();
        }
        return result;
    }

    static (Guid? NetworkId, Guid? OrganisationId) ParseOwner(string? owner) => owner?.Split(':') switch
    {
        ["network", var id] when Guid.TryParse(id, out var network) => (network, null),
        ["organisation", var id] when Guid.TryParse(id, out var organisation) => (null, organisation),
        _ => (null, null),
    };

    async Task LoadAsync()
    {
        Owners = await sender.Send(new ListConsultationOwners.Query(), HttpContext.RequestAborted);
        Reference = await sender.Send(new GetReferenceData.Query(), HttpContext.RequestAborted);
    }
}
