using Consultation.Web.Features.Reference;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Consultations;

/// <summary>
/// The form that corrects a draft or open consultation, for those who run it; others get 404 (a draft) or 403, as
/// from the API. Field names: the Details.* fields of _ConsultationFields.
/// </summary>
[Authorize]
public sealed class EditModel(ISender sender, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ConsultationForm Details { get; set; } = new();

    public GetConsultation.Result Consultation { get; private set; } = null!;

    public GetReferenceData.Result Reference { get; private set; } = null!;

    public DateTimeOffset NowUtc => clock.GetUtcNow();

    public bool Editable => Consultation.Status is "draft" or "open";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        Details = ConsultationForm.From(Consultation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        // Closed meanwhile: the form page says it can no longer be edited.
        return await this.SendAsync(sender, new EditConsultation.Command(id, Details.ToDetails()), result =>
            result == EditConsultation.Result.Edited ? RedirectToPage("/Consultations/Consultation", new { id }) : RedirectToPage(new { id }));
    }

    async Task<IActionResult?> LoadAsync(Guid id)
    {
        try
        {
            Consultation = await sender.Send(new GetConsultation.Query(id), HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        if (!Consultation.MayManage)
        {
            return Forbid();
        }
        Reference = await sender.Send(new GetReferenceData.Query(), HttpContext.RequestAborted);
        return null;
    }
}
