using Consultation.Web.Features.Reference;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Submissions;

/// <summary>Search and filters over submitted positions; the form is a GET, so every result page has a shareable URL.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public SearchSubmissions.Query Filter { get; private set; } = new(null, null, null, null, null, null, null, null, null, null);
    public SearchSubmissions.Result? Found { get; private set; }
    public GetReferenceData.Result Reference { get; private set; } = null!;

    public async Task OnGetAsync(string? q, Guid? consultation, string? priority, int? objective, string? country, string? region,
        string? constituency, string? language, string? status, int? pageNumber)
    {
        Filter = new(q, consultation, priority, objective, country, region, constituency, language, status, pageNumber);
        Reference = await sender.Send(new GetReferenceData.Query(), HttpContext.RequestAborted);
        try
        {
            Found = await sender.Send(Filter, HttpContext.RequestAborted);
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(char.ToLowerInvariant(error.PropertyName[0]) + error.PropertyName[1..], error.ErrorMessage);
            }
        }
    }

    public string? ErrorFor(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string? PageLink(int pageNumber) =>
        Url.Page("Index", new
        {
            q = Filter.Q,
            consultation = Filter.Consultation,
            priority = Filter.Priority,
            objective = Filter.Objective,
            country = Filter.Country,
            region = Filter.Region,
            constituency = Filter.Constituency,
            language = Filter.Language,
            status = Filter.Status,
            pageNumber,
        });
}
