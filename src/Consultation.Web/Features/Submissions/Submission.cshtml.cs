using Consultation.Web.Features.Moderation;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// A submission's page, with small forms for its writers (edit, submit, withdraw, invite co-signers), for a named
/// author (agree) and for other organisations' representatives (answer an invitation, endorse).
/// </summary>
public sealed class SubmissionModel(ISender sender) : PageModel
{
    public GetSubmission.Result Submission { get; private set; } = null!;

    /// <summary>What the signed-in person may do as the organisations they represent (invite, answer, endorse).</summary>
    public GetSigningOptions.Result? Signing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Submission = await sender.Send(new GetSubmission.Query(id), HttpContext.RequestAborted);
            Signing = User.Identity?.IsAuthenticated == true ? await sender.Send(new GetSigningOptions.Query(id), HttpContext.RequestAborted) : null;
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
