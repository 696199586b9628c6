using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultation.Web.Features.Moderation;

/// <summary>Decisions about the person's own content, with a form to appeal each decision to hide, once.</summary>
[Authorize]
[EnableRateLimiting(RateLimits.Posting)]
public sealed class MineModel(ISender sender) : PageModel
{
    public IReadOnlyList<ListMyModerationDecisions.Decision> Decisions { get; private set; } = [];

    [BindProperty]
    public Guid DecisionId { get; set; }

    [BindProperty]
    public string? Statement { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Appealed { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAppealAsync()
    {
        // A second appeal (e.g. from a second tab) lands on the same page, which shows the first one as waiting.
        var result = await this.SendAsync(sender, new AppealDecision.Command(DecisionId, Statement ?? ""),
            _ => RedirectToPage("/Moderation/Mine", new { appealed = true }));
        await LoadAsync();
        return result;
    }

    async Task LoadAsync() => Decisions = await sender.Send(new ListMyModerationDecisions.Query(), HttpContext.RequestAborted);
}
