using Consultation.Web.Features.Reference;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Consultations;

/// <summary>The public list of consultations; the filters are a GET form, so every filtered list is a link to share.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Network { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    // Not "page": Razor Pages routes by that name.
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paged<ListConsultations.Item> Consultations { get; private set; } = null!;

    public GetReferenceData.Result Reference { get; private set; } = null!;

    /// <summary>The person runs a network or represents a verified organisation, so the page offers the create form.</summary>
    public bool MayCreate { get; private set; }

    public async Task OnGetAsync()
    {
        // A hand-edited address should still show something: drop or clamp what the list would refuse.
        Status = ListConsultations.PublicStatuses.Contains(Status) ? Status : null;
        Search = Search?.Trim();
        if (Search?.Length > ListConsultations.SearchMaxLength)
        {
            Search = Search[..ListConsultations.SearchMaxLength];
        }
        Reference = await sender.Send(new GetReferenceData.Query(), HttpContext.RequestAborted);
        MayCreate = User.Identity?.IsAuthenticated == true
            && (await sender.Send(new ListConsultationOwners.Query(), HttpContext.RequestAborted)).Count > 0;
        Consultations = await sender.Send(new ListConsultations.Query(Status, Country, Region, Network, Search, Math.Max(1, PageNumber)),
            HttpContext.RequestAborted);
    }

    public string PageHref(int page) => Url.Page("/Consultations/Index", new
    {
        status = Status,
        country = string.IsNullOrWhiteSpace(Country) ? null : Country,
        region = string.IsNullOrWhiteSpace(Region) ? null : Region,
        network = Network,
        search = string.IsNullOrWhiteSpace(Search) ? null : Search,
        pageNumber = page,
    })!;

    /// <summary>The English label of a status, to translate with the page's localizer.</summary>
    public static string StatusLabel(string status) => status switch
    {
        "draft" => "Draft",
        "open" => "Open",
        "closed" => "Closed",
        _ => "Synthesised",
    };
}
