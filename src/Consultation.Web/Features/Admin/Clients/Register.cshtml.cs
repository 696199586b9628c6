using Consultation.Web.Features.ApiClients;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Admin.Clients;

/// <summary>/Admin/Clients/Register: the form, then the new client's id and (for an integration) its secret, shown once.</summary>
[Authorize]
public sealed class RegisterModel(ISender sender, Caller caller, AccessRules rules) : PageModel
{
    [BindProperty]
    public Form Input { get; set; } = new();

    public RegisterApiClient.Result? Registered { get; private set; }

    public sealed class Form
    {
        public string DisplayName { get; set; } = "";
        public RegisterApiClient.Kind ClientKind { get; set; }
        /// <summary>One address per line.</summary>
        public string? RedirectUris { get; set; }
        public string? PostLogoutRedirectUris { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        return await rules.IsAdminAsync(caller.RequiredUserId, ct) && await rules.HasTwoFactorAsync(caller.RequiredUserId, ct)
            ? Page()
            : Forbid();
    }

    public Task<IActionResult> OnPostAsync() =>
        this.SendAsync(sender, new RegisterApiClient.Command(Input.DisplayName, Input.ClientKind, Lines(Input.RedirectUris), Lines(Input.PostLogoutRedirectUris)),
            result =>
            {
                // The secret is in this response only: no cache may keep it.
                Response.Headers.CacheControl = "no-store";
                Registered = result;
                return Page();
            }, nameof(Input));

    static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
