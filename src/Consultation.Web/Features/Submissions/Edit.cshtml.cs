using Consultation.Web.Features.Reference;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// The form that changes a submission, for the lead organisation's members (others get 403, or 404 where they may not
/// see it, as from the API). A draft changes in place; a submitted one gets a new version. Field names: the Text.*
/// fields of _SubmissionFields.
/// </summary>
[Authorize]
public sealed class EditModel(ISender sender) : PageModel
{
    [BindProperty]
    public SubmissionText Text { get; set; } = new();

    public GetSubmission.Result Submission { get; private set; } = null!;

    /// <summary>The lead organisation, whose members may be named as authors.</summary>
    public IReadOnlyList<ListWritingOrganisations.Organisation> AuthorChoices { get; private set; } = [];

    public GetReferenceData.Result Reference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var s = Submission;
        Text = new SubmissionText
        {
            Title = s.Title,
            Summary = s.Summary,
            Body = s.Body,
            Language = s.Language,
            PriorityCodes = s.Priorities.Select(p => p.Code).ToArray(),
            ObjectiveNumbers = s.Objectives.Select(o => int.Parse(o.Code, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Attribution = s.Attribution,
            NamedAuthorIds = s.NamedAuthorIds,
        };
        return Page();
    }

    // Withdrawn meanwhile: the form page says it can no longer be edited.
    public async Task<IActionResult> OnPostAsync(Guid id) =>
        await LoadAsync(id) ?? await this.SendAsync(sender, new EditSubmission.Command(id, Text), result =>
            result == EditSubmission.Result.Edited ? RedirectToPage("/Submissions/Submission", new { id }) : RedirectToPage(new { id }));

    async Task<IActionResult?> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        try
        {
            Submission = await sender.Send(new GetSubmission.Query(id), ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        if (!Submission.IsLeadMember)
        {
            return Forbid();
        }
        AuthorChoices = (await sender.Send(new ListWritingOrganisations.Query(), ct)).Where(o => o.Id == Submission.OrganisationId).ToArray();
        Reference = await sender.Send(new GetReferenceData.Query(), ct);
        return null;
    }
}
