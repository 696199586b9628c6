using Consultation.Web.Infrastructure.Access;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Reports;

/// <summary>How the report pages read: the report's access refusals become the sign-in redirect, 403 or 404 page.</summary>
public static class ReportPages
{
    public static async Task<IActionResult> ReadAsync<T>(this PageModel page, ISender sender, IQuery<T> query, Action<T> show)
    {
        try
        {
            show(await sender.Send(query, page.HttpContext.RequestAborted));
            return page.Page();
        }
        catch (NotSignedInException)
        {
            return page.Challenge();
        }
        catch (AccessDeniedException)
        {
            return page.Forbid();
        }
        catch (NotFoundException)
        {
            return page.NotFound();
        }
    }
}
