using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Networks;

public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    // Not "page": Razor Pages routes by that name.
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paged<ListNetworks.Item> Networks { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        // A hand-edited address should still show something: clamp rather than fail.
        Search = Search?.Trim();
        if (Search?.Length > ListNetworks.SearchMaxLength)
        {
            Search = Search[..ListNetworks.SearchMaxLength];
        }
        Networks = await sender.Send(new ListNetworks.Query(Search, Math.Max(1, PageNumber)), HttpContext.RequestAborted);
    }

    public string PageHref(int page) =>
        Url.Page("/Networks/Index", new { search = string.IsNullOrWhiteSpace(Search) ? null : Search, pageNumber = page })!;
}
