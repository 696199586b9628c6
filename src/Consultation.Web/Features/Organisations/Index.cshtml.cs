using Consultation.Web.Features.Reference;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Organisations;

/// <summary>The public directory; the filter form is a GET, so every result page has a shareable URL.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public ListOrganisations.Query Filter { get; private set; } = new(null, null, null, null, null, null);
    public ListOrganisations.Result? Found { get; private set; }
    public GetReferenceData.Result Reference { get; private set; } = null!;

    public async Task OnGetAsync(string? q, string? country, string? region, string? constituency, string? status, int? pageNumber)
    {
        Filter = new(q, country, region, constituency, status, pageNumber);
        Reference = await sender.Send(new GetReferenceData.Query(), HttpContext.RequestAborted);
        try
        {
            Found = await sender.Send(Filter, HttpContext.RequestAborted);
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(error.PropertyName.ToLowerInvariant(), error.ErrorMessage);
            }
        }
    }

    public string? PageLink(int pageNumber) =>
        Url.Page("Index", new { q = Filter.Q, country = Filter.Country, region = Filter.Region, constituency = Filter.Constituency, status = Filter.Status, pageNumber });
}
