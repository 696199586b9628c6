using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Moderation;

public sealed class LogModel(ISender sender) : PageModel
{
    public GetPublicModerationLog.Result Log { get; private set; } = null!;

    public async Task OnGetAsync() => Log = await sender.Send(new GetPublicModerationLog.Query(), HttpContext.RequestAborted);
}
