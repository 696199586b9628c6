using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// The no-script way to flag: thread and submission pages link here with ?type=comment&amp;id=... (and a local
/// returnUrl, e.g. the thread), and the page leads back there afterwards.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimits.Posting)]
public sealed class FlagModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public FlagContent.Result? Outcome { get; private set; }

    /// <summary>Where "back" leads: the page that linked here if it is on this site, else the flagged submission.</summary>
    public string? BackUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl
        : ModeratedContent.Parse(Type) == ContentType.Submission ? $"/Submissions/{Id}" : null;

    public IActionResult OnGet() => ModeratedContent.Parse(Type) is null || Id == Guid.Empty ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync() => ModeratedContent.Parse(Type) is not { } type
        ? NotFound()
        : await this.SendAsync(sender, new FlagContent.Command(type, Id, Reason ?? "", Note), outcome =>
        {
            Outcome = outcome;
            return Page();
        });
}
