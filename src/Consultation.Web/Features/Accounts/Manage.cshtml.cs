using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Accounts;

[Authorize]
public sealed class ManageModel(ISender sender) : PageModel
{
    public GetMyAccount.Result Account { get; private set; } = new();

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string PreferredLanguage { get; set; } = "en";

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync()
    {
        Account = await sender.Send(new GetMyAccount.Query(), HttpContext.RequestAborted);
        DisplayName = Account.DisplayName;
        PreferredLanguage = Account.PreferredLanguage;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Account = await sender.Send(new GetMyAccount.Query(), HttpContext.RequestAborted);
        return await this.SendAsync(sender, new UpdateProfile.Command(DisplayName ?? "", PreferredLanguage), _ =>
        {
            Languages.Remember(HttpContext, PreferredLanguage);
            return RedirectToPage(new { Saved = true });
        });
    }
}
