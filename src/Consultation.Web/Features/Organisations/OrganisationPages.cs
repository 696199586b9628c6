using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Organisations;

/// <summary>Checks the organisation pages share before showing a form.</summary>
public static class OrganisationPages
{
    /// <summary>Null when the caller represents the organisation; else the 404, sign-in redirect or 403 to return.</summary>
    public static IActionResult? UnlessRepresentative(this PageModel page, GetOrganisation.Result? organisation) =>
        organisation is null ? page.NotFound()
        : page.User.Identity?.IsAuthenticated != true ? page.Challenge()
        : organisation.Viewer.Role != "representative" ? page.Forbid()
        : null;
}
