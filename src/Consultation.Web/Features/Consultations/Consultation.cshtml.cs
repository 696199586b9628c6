using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Consultations;

/// <summary>A consultation's page, with a form for those who run it to move it to its next status.</summary>
public sealed class ConsultationModel(ISender sender) : PageModel
{
    public GetConsultation.Result Consultation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Consultation = await sender.Send(new GetConsultation.Query(id), HttpContext.RequestAborted);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostStatusAsync(Guid id, string status) =>
        this.SendAsync(sender, new ChangeConsultationStatus.Command(id, status), _ => RedirectToPage(new { id }));

    /// <summary>The status a manager may move the consultation to next, if any.</summary>
    public string? NextStatus
    {
        get
        {
            var index = Array.IndexOf(ChangeConsultationStatus.Steps, Consultation.Status) + 1;
            return index < ChangeConsultationStatus.Steps.Length ? ChangeConsultationStatus.Steps[index] : null;
        }
    }
}
