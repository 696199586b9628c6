using Consultation.Web.Features.Moderation;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Submissions;

/// <summary>A submission's page, with small forms for its writers (submit, withdraw) and for a named author (agree).</summary>
public sealed class SubmissionModel(ISender sender) : PageModel
{
    public GetSubmission.Result Submission { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Submission = await sender.Send(new GetSubmission.Query(id), HttpContext.RequestAborted);
            return Page();
        }
        catch (NotFoundException)
        {
            return await this.NotFoundOrHiddenAsync(sender, id);
        }
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id) =>
        this.SendAsync(sender, new SubmitSubmission.Command(id), _ => RedirectToPage(new { id }));

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) =>
        this.SendAsync(sender, new WithdrawSubmission.Command(id), _ => RedirectToPage(new { id }));

    public Task<IActionResult> OnPostAgreeAsync(Guid id) =>
        this.SendAsync(sender, new AgreeToBeNamed.Command(id), _ => RedirectToPage(new { id }));
}
