using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Reports;

/// <summary>
/// Progress of a report download being built. Until it is done the page reloads itself every two seconds (a meta
/// refresh: no script needed), then offers the file.
/// </summary>
public sealed class ReportJobModel(ISender sender) : PageModel
{
    public ReportJob Job { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(Guid id, Guid jobId) => this.ReadAsync(sender, new GetReportJob.Query(id, jobId), read => Job = read);
}
