using Consultation.Web.Infrastructure.Access;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Submissions;

/// <summary>An organisation's pending invitations to co-sign, for its representatives; each links to where they answer.</summary>
public sealed class CoSigningInvitationsModel(ISender sender) : PageModel
{
    public IReadOnlyList<ListCoSigningInvitations.Invitation> Invitations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Invitations = await sender.Send(new ListCoSigningInvitations.Query(id), HttpContext.RequestAborted);
            return Page();
        }
        catch (NotSignedInException)
        {
            return Challenge();
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }
    }
}
