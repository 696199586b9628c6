using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Networks;

/// <summary>
/// A network's page: public facts for everyone, join and leave buttons for representatives, and the organisers' tools.
/// Every button is a small form posting to a handler here, so the page works without JavaScript.
/// </summary>
public sealed class NetworkModel(ISender sender) : PageModel
{
    public GetNetwork.Result Network { get; private set; } = null!;

    /// <summary>Set only for an organiser who signs in with two factors.</summary>
    public GetNetworkForOrganisers.Result? ForOrganisers { get; private set; }

    /// <summary>English text of the outcome of the last action, shown (translated) after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostJoinAsync(Guid id, Guid organisationId) =>
        ActAsync(id, new RequestToJoinNetwork.Command(id, organisationId), result => result switch
        {
            RequestToJoinNetwork.Result.Requested => "Your request to join was sent to the organisers.",
            RequestToJoinNetwork.Result.AlreadyRequested => "Your organisation has already asked to join.",
            _ => "Your organisation is already a member.",
        });

    public Task<IActionResult> OnPostLeaveAsync(Guid id, Guid organisationId) =>
        ActAsync(id, new LeaveNetwork.Command(id, organisationId), _ => "Your organisation is no longer in the network.");

    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid organisationId) =>
        ActAsync(id, new DecideMembershipRequest.Command(id, organisationId, DecideMembershipRequest.Decision.Approve),
            _ => "The organisation is now a member.");

    public Task<IActionResult> OnPostDeclineAsync(Guid id, Guid organisationId) =>
        ActAsync(id, new DecideMembershipRequest.Command(id, organisationId, DecideMembershipRequest.Decision.Decline),
            _ => "The request was declined.");

    public Task<IActionResult> OnPostGrantAsync(Guid id, Guid userId) =>
        ActAsync(id, new GrantOrganiserRole.Command(id, userId), _ => "The person is now an organiser.");

    public Task<IActionResult> OnPostRevokeAsync(Guid id, Guid userId) =>
        ActAsync(id, new RevokeOrganiserRole.Command(id, userId), result => result == RevokeOrganiserRole.Result.Revoked
            ? "The person is no longer an organiser."
            : "A network keeps at least one organiser.");

    async Task<IActionResult> ActAsync<T>(Guid id, ICommand<T> command, Func<T, string> notice)
    {
        var result = await this.SendAsync(sender, command, done =>
        {
            Notice = notice(done);
            return RedirectToPage(new { id });
        });
        // Field errors re-render the page, which needs its data.
        if (result is PageResult && !await LoadAsync(id))
        {
            return NotFound();
        }
        return result;
    }

    async Task<bool> LoadAsync(Guid id)
    {
        try
        {
            Network = await sender.Send(new GetNetwork.Query(id), HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            return false;
        }
        if (Network.CallerIsOrganiser)
        {
            try
            {
                ForOrganisers = await sender.Send(new GetNetworkForOrganisers.Query(id), HttpContext.RequestAborted);
            }
            catch (AccessDeniedException)
            {
                // An organiser without two-factor sign-in sees the public page and a prompt to turn it on.
            }
        }
        return true;
    }
}
