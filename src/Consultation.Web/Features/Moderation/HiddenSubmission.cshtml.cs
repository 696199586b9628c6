using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// What readers of a submission (and of its thread) see once a moderator hid it; the submission and thread pages
/// send them here instead of answering 404.
/// </summary>
public sealed class HiddenSubmissionModel(ISender sender) : PageModel
{
    public GetHiddenSubmission.Result Hidden { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await sender.Send(new GetHiddenSubmission.Query(id), HttpContext.RequestAborted) is not { } hidden)
        {
            return NotFound();
        }
        Hidden = hidden;
        return Page();
    }
}

/// <summary>The submission and thread pages' answer when the caller may not see a submission.</summary>
public static class HiddenSubmissionRedirect
{
    /// <summary>To the notice when a moderator hid the submission; a 404 when it does not exist for the caller.</summary>
    public static async Task<IActionResult> NotFoundOrHiddenAsync(this PageModel page, ISender sender, Guid submissionId) =>
        await sender.Send(new GetHiddenSubmission.Query(submissionId), page.HttpContext.RequestAborted) is null
            ? page.NotFound()
            : page.RedirectToPage("/Moderation/HiddenSubmission", new { id = submissionId });
}
