using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features;

/// <summary>The page a browser sees for an error status (API callers get problem details instead).</summary>
// Status pages re-execute a failed request with its own method, so a refused form post arrives here as a POST,
// perhaps refused for its antiforgery token; this page changes nothing, so it needs none.
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int? code) => Code = code ?? 500;

    // Binds nothing: the form of a post refused for its antiforgery token may not be read.
    public void OnPost() => Code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? 500;
}
