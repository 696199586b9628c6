using Consultation.Web.Infrastructure.Access;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Submissions;

public sealed class HistoryModel(ISender sender) : PageModel
{
    public GetSubmissionHistory.Result History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            History = await sender.Send(new GetSubmissionHistory.Query(id), HttpContext.RequestAborted);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
