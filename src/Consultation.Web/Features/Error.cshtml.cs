using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features;

/// <summary>The page a browser sees for an error status (API callers get problem details instead).</summary>
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int? code) => Code = code ?? 500;
}
