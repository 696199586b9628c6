using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Networks;

/// <summary>An organiser confirms removing a member organisation and says why (the reason is audited).</summary>
[Authorize]
public sealed class RemoveMemberModel(ISender sender) : PageModel
{
    public string NetworkName { get; private set; } = "";

    public string OrganisationName { get; private set; } = "";

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid networkId, Guid organisationId) =>
        await LoadAsync(networkId, organisationId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid networkId, Guid organisationId)
    {
        var result = await this.SendAsync(sender, new RemoveMemberOrganisation.Command(networkId, organisationId, Reason ?? ""),
            _ => RedirectToPage("/Networks/Network", new { id = networkId }));
        return result is PageResult ? await LoadAsync(networkId, organisationId) ?? result : result;
    }

    /// <summary>Null when the form may be shown; otherwise the refusal to return instead.</summary>
    async Task<IActionResult?> LoadAsync(Guid networkId, Guid organisationId)
    {
        try
        {
            // The organiser view is asked for only for its access check: the form is for organisers with two factors.
            await sender.Send(new GetNetworkForOrganisers.Query(networkId), HttpContext.RequestAborted);
            var network = await sender.Send(new GetNetwork.Query(networkId), HttpContext.RequestAborted);
            var member = network.Members.FirstOrDefault(m => m.Id == organisationId);
            if (member is null)
            {
                return NotFound();
            }
            NetworkName = network.Name;
            OrganisationName = member.Name;
            return null;
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
