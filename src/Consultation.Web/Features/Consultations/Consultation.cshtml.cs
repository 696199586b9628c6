using Consultation.Web.Features.Submissions;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Consultations;

/// <summary>
/// A consultation's page, with links and a form for those who run it (edit, move to its next status), and a link to
/// draft a submission for members of verified organisations.
/// </summary>
public sealed class ConsultationModel(ISender sender) : PageModel
{
    public GetConsultation.Result Consultation { get; private set; } = null!;

    /// <summary>The consultation is open and the person belongs to a verified organisation, which may write a position.</summary>
    public bool MayDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Consultation = await sender.Send(new GetConsultation.Query(id), HttpContext.RequestAborted);
            MayDraft = Consultation.Status == "open" && User.Identity?.IsAuthenticated == true
                && (await sender.Send(new ListWritingOrganisations.Query(), HttpContext.RequestAborted)).Any(o => o.Status == "verified");
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string status)
    {
        var result = await this.SendAsync(sender, new ChangeConsultationStatus.Command(id, status), _ => RedirectToPage(new { id }));
        return result is PageResult ? await OnGetAsync(id) : result;
    }

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
