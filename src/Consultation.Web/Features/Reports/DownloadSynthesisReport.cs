using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using Mediator;

namespace Consultation.Web.Features.Reports;

/// <summary>
/// A report download (CSV, Markdown or JSON). A small report is streamed straight to the caller; a large one
/// (over <see cref="ReportData.DirectLimit"/> submissions) is built in the background: the caller gets 202 with the
/// job to poll, and GETting the same URL again reuses that job.
/// </summary>
public static class DownloadSynthesisReport
{
    public sealed record Query(Guid ConsultationId, ReportFormat Format) : IQuery<Result>;

    /// <summary>Write is null when the report is too large to build while the caller waits.</summary>
    public sealed record Result(Func<Stream, CancellationToken, Task>? Write);

    const int PageSize = 250;

    public sealed class Handler(Db db, ReportAccess access, PublicLinks links, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            var consultation = await access.RequireReadableAsync(q.ConsultationId, ct);
            var counts = await ReportData.CountsAsync(db, q.ConsultationId, ct);
            if (counts.Overall.Submissions > ReportData.DirectLimit)
            {
                return new Result(null);
            }
            var writer = new ReportWriter(consultation, counts, links.To, clock.GetUtcNow());
            return new Result((output, token) => writer.WriteAsync(q.Format, output,
                ReportData.PagesAsync(db, q.ConsultationId, PageSize, token), _ => Task.CompletedTask, token));
        }
    }

    public static void Map(RouteGroupBuilder report)
    {
        report.MapGet("/report", (Guid consultationId, string? format, ISender sender, HttpContext http) =>
                RespondAsync(consultationId, format ?? "json", sender, http))
            .WithName("DownloadSynthesisReport")
            .WithSummary("The synthesis report as open data: ?format=json (default), csv or md.");
        report.MapGet("/report.{format}", (Guid consultationId, string format, ISender sender, HttpContext http) =>
                RespondAsync(consultationId, format, sender, http))
            .WithName("DownloadSynthesisReportFile")
            .WithSummary("The synthesis report as report.json, report.csv or report.md.");
    }

    static async Task<IResult> RespondAsync(Guid consultationId, string extension, ISender sender, HttpContext http)
    {
        if (!ReportFormats.TryParse(extension, out var format))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Choose csv, md or json."] });
        }
        var ct = http.RequestAborted;
        var result = await sender.Send(new Query(consultationId, format), ct);
        if (result.Write is null)
        {
            var job = await sender.Send(new StartReportJob.Command(consultationId, format.Extension()), ct);
            return Results.Accepted($"/api/consultations/{consultationId}/report/jobs/{job.Id}", job);
        }
        return Results.Stream(output => result.Write(output, ct), format.ContentType(), ReportFormats.FileName(consultationId, format));
    }
}
