using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features;

/// <summary>The page a browser sees for an error status (API callers get problem details instead).</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int? code) => Code = code ?? 500;

    // A refused form submission (429, 403...) is re-executed here with its original method.
    public void OnPost(int? code) => OnGet(code);
}
