using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Moderation;

/// <summary>The moderators' queue for one consultation; every form posts back here and the queue is shown again.</summary>
[Authorize]
public sealed class QueueModel(ISender sender) : PageModel
{
    public GetModerationQueue.Result Queue { get; private set; } = null!;

    [BindProperty]
    public string? ObjectType { get; set; }

    [BindProperty]
    public Guid ObjectId { get; set; }

    [BindProperty]
    public string? ReasonCode { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public Guid AppealId { get; set; }

    [BindProperty]
    public DecideAppeal.Outcome Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid consultationId) => await LoadAsync(consultationId) ?? Page();

    public Task<IActionResult> OnPostHideAsync(Guid consultationId) => ActOnContentAsync(consultationId,
        type => new HideContent.Command(type, ObjectId, ReasonCode ?? "", Note));

    public Task<IActionResult> OnPostRestoreAsync(Guid consultationId) => ActOnContentAsync(consultationId,
        type => new RestoreContent.Command(type, ObjectId, Note));

    public Task<IActionResult> OnPostDismissAsync(Guid consultationId) => ActOnContentAsync(consultationId,
        type => new DismissFlags.Command(type, ObjectId, Note));

    public Task<IActionResult> OnPostApproveAsync(Guid consultationId) =>
        AfterAsync(consultationId, this.SendAsync(sender, new ApprovePendingComment.Command(ObjectId), _ => Done(consultationId)));

    public Task<IActionResult> OnPostDecideAppealAsync(Guid consultationId) =>
        AfterAsync(consultationId, this.SendAsync(sender, new DecideAppeal.Command(AppealId, Outcome, Note), _ => Done(consultationId)));

    // The result enums (already hidden, nothing to dismiss...) mean someone else got there first: show the queue as it is now.
    Task<IActionResult> ActOnContentAsync<T>(Guid consultationId, Func<ContentType, ICommand<T>> command) =>
        ModeratedContent.Parse(ObjectType) is { } type
            ? AfterAsync(consultationId, this.SendAsync(sender, command(type), _ => Done(consultationId)))
            : Task.FromResult<IActionResult>(BadRequest());

    IActionResult Done(Guid consultationId) => RedirectToPage("/Moderation/Queue", new { consultationId });

    async Task<IActionResult> AfterAsync(Guid consultationId, Task<IActionResult> sent)
    {
        var result = await sent;
        return result is PageResult ? await LoadAsync(consultationId) ?? result : result;
    }

    /// <summary>Null when the queue may be shown; otherwise the refusal to return instead.</summary>
    async Task<IActionResult?> LoadAsync(Guid consultationId)
    {
        try
        {
            Queue = await sender.Send(new GetModerationQueue.Query(consultationId), HttpContext.RequestAborted);
            return null;
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
