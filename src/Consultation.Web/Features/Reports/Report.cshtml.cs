using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultation.Web.Features.Reports;

/// <summary>
/// The synthesis report as a printable page: counts, charts, and the inputs under each priority and objective.
/// Downloads of a small report are plain links; a large one is prepared in the background from a button here.
/// </summary>
[EnableRateLimiting(RateLimits.Posting)]
public sealed class ReportModel(ISender sender) : PageModel
{
    public GetSynthesisReport.Result Report { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(Guid id) => this.ReadAsync(sender, new GetSynthesisReport.Query(id), read => Report = read);

    public async Task<IActionResult> OnPostPrepareAsync(Guid id, string? format)
    {
        var result = await this.SendAsync(sender, new StartReportJob.Command(id, format ?? ""),
            job => RedirectToPage("ReportJob", new { id, jobId = job.Id }));
        // A refused format re-renders the report with the error, which needs the report.
        return result is PageResult ? await OnGetAsync(id) : result;
    }
}
