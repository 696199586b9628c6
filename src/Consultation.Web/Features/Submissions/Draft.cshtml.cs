using System.Globalization;
using Consultation.Web.Features.Consultations;
using Consultation.Web.Features.Reference;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// The form that starts a draft position for an open consultation, on behalf of one of the person's verified
/// organisations. Stable field names: OrganisationId and the Text.* fields of _SubmissionFields.
/// </summary>
[Authorize]
public sealed class DraftModel(ISender sender) : PageModel
{
    // Nullable so that an unchosen organisation reaches the command's validator rather than MVC's own message.
    [BindProperty]
    public Guid? OrganisationId { get; set; }

    [BindProperty]
    public SubmissionText Text { get; set; } = new();

    public GetConsultation.Result Consultation { get; private set; } = null!;

    /// <summary>The verified organisations the person belongs to: only those may speak in a consultation.</summary>
    public IReadOnlyList<ListWritingOrganisations.Organisation> Organisations { get; private set; } = [];

    public GetReferenceData.Result Reference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        OrganisationId = Organisations.Count == 1 ? Organisations[0].Id : null;
        Text = new SubmissionText { Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Attribution = "organisation" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id) =>
        await LoadAsync(id) ?? await this.SendAsync(sender, new DraftSubmission.Command(id, OrganisationId ?? Guid.Empty, Text),
            drafted => RedirectToPage("/Submissions/Submission", new { id = drafted.Id }));

    async Task<IActionResult?> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        try
        {
            Consultation = await sender.Send(new GetConsultation.Query(id), ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        Organisations = (await sender.Send(new ListWritingOrganisations.Query(), ct)).Where(o => o.Status == "verified").ToArray();
        Reference = await sender.Send(new GetReferenceData.Query(), ct);
        return null;
    }
}
