using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Accounts;

[Authorize]
public sealed class TwoFactorModel(ISender sender) : PageModel
{
    public BeginTwoFactorSetup.Result Setup { get; private set; } = new(false, null, null, 0);

    /// <summary>Shown once, right after they are made; the page never shows them again.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task OnGetAsync() => Setup = await sender.Send(new BeginTwoFactorSetup.Command(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostEnableAsync()
    {
        // Loaded first so that a wrong code re-renders the page with the same key.
        await OnGetAsync();
        return await this.SendAsync(sender, new EnableTwoFactor.Command(Code ?? ""), ShowCodes);
    }

    public Task<IActionResult> OnPostRegenerateAsync() => this.SendAsync(sender, new RegenerateRecoveryCodes.Command(), ShowCodes);

    public Task<IActionResult> OnPostDisableAsync() => this.SendAsync(sender, new DisableTwoFactor.Command(), _ => RedirectToPage());

    IActionResult ShowCodes(IReadOnlyList<string> codes)
    {
        NewRecoveryCodes = codes;
        return Page();
    }
}
