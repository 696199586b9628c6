using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Networks;

[Authorize]
public sealed class CreateModel(ISender sender) : PageModel
{
    [BindProperty]
    public CreateForm Form { get; set; } = new();

    public IReadOnlyList<ListFoundingOrganisations.Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Form.OrganisationId = Organisations.Count == 1 ? Organisations[0].Id : Guid.Empty;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await this.SendAsync(sender, new CreateNetwork.Command(Form.OrganisationId, Form.Name ?? "", Form.Description),
            created => RedirectToPage("/Networks/Network", new { id = created.Id }), fieldPrefix: nameof(Form));
        if (result is PageResult)
        {
            await LoadAsync();
        }
        return result;
    }

    async Task LoadAsync() =>
        Organisations = await sender.Send(new ListFoundingOrganisations.Query(), HttpContext.RequestAborted);

    // Nullable so that MVC adds no "required" errors of its own: the command's validator speaks for the form.
    public sealed class CreateForm
    {
        public Guid OrganisationId { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
    }
}
