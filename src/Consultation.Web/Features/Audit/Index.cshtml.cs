using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Audit;

/// <summary>The audit log viewer at /Admin/Audit: a filter form (GET, so a filtered view can be bookmarked) and one page of entries.</summary>
[Authorize]
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ObjectType { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ObjectId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    // Not "page": Razor Pages routes by that name.
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paged<ListAuditLog.Entry>? Entries { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ModelState.IsValid)
        {
            // A malformed id or date: show the form with its field errors and no entries.
            return Page();
        }
        try
        {
            Entries = await sender.Send(new ListAuditLog.Query(ObjectType, ObjectId, Actor, From, To, Math.Max(1, PageNumber)),
                HttpContext.RequestAborted);
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }
        return Page();
    }

    public string PageHref(int page) =>
        Url.Page("/Audit/Index", new { ObjectType, ObjectId, Actor, From = From?.ToString("yyyy-MM-dd"), To = To?.ToString("yyyy-MM-dd"), pageNumber = page })!;
}
