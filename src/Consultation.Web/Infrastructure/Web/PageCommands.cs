using Consultation.Web.Infrastructure.Access;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Infrastructure.Web;

/// <summary>
/// How a Razor Page sends a command: validation failures come back as field errors on the same form (the page
/// re-renders with them), and the pipeline's refusals become the usual sign-in redirect, 403 or 404 page.
/// </summary>
public static class PageCommands
{
    public static async Task<IActionResult> SendAsync<TResponse>(
        this PageModel page, ISender sender, ICommand<TResponse> command, Func<TResponse, IActionResult> onDone, string? fieldPrefix = null)
    {
        try
        {
            return onDone(await sender.Send(command, page.HttpContext.RequestAborted));
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                page.ModelState.AddModelError(fieldPrefix is null ? error.PropertyName : $"{fieldPrefix}.{error.PropertyName}", error.ErrorMessage);
            }
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
