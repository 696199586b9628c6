using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Organisations;

/// <summary>
/// The invitation link opens a confirmation, not the acceptance itself: mail scanners that fetch links must not
/// spend the one-time token.
/// </summary>
public sealed class AcceptInvitationModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public AcceptInvitation.Outcome? Refused { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Challenge();

    public Task<IActionResult> OnPostAsync() =>
        this.SendAsync(sender, new AcceptInvitation.Command(Token), result =>
        {
            if (result.Outcome != AcceptInvitation.Outcome.Joined)
            {
                Refused = result.Outcome;
                return Page();
            }
            Notice = "Welcome! You have joined the organisation.";
            return RedirectToPage("Details", new { id = result.OrganisationId });
        });
}
