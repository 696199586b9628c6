using Consultation.Web.Features.ApiClients;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Admin.Clients;

/// <summary>/Admin/Clients: the registered API clients, each with a button to remove it.</summary>
[Authorize]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ListApiClients.ApiClient> Clients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Clients = await sender.Send(new ListApiClients.Query(), HttpContext.RequestAborted);
            return Page();
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }
    }

    public Task<IActionResult> OnPostRemoveAsync(string clientId) =>
        this.SendAsync(sender, new RemoveApiClient.Command(clientId), removed => removed ? RedirectToPage() : NotFound());
}
