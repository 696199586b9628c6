using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// The link to a consultation's moderation queue, with its count of open flags, shown only to its moderators:
/// <c>@await Component.InvokeAsync("ModeratorLink", new { consultationId })</c> on any page about the consultation.
/// </summary>
public sealed class ModeratorLinkViewComponent(ISender sender) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid consultationId) =>
        await sender.Send(new GetModerationSummary.Query(consultationId), HttpContext.RequestAborted) is { } summary
            ? View("/Features/Moderation/_ModeratorLink.cshtml", summary)
            : Content("");
}
