using Consultation.Web.Infrastructure.Access;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Submissions;

public sealed class DiffModel(ISender sender) : PageModel
{
    public DiffSubmissionVersions.Result Diff { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int from, int to)
    {
        try
        {
            Diff = await sender.Send(new DiffSubmissionVersions.Query(id, from, to), HttpContext.RequestAborted);
            return Page();
        }
        catch (ValidationException)
        {
            return BadRequest();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
