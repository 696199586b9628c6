using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;

namespace Consultation.Web.Features.Reports;

/// <summary>
/// Builds queued report downloads one at a time, off the request path: it reads the submissions in pages, writes the
/// file under <see cref="ReportFiles"/>, and records progress (done/total) after every page for the progress page.
/// </summary>
public sealed class ReportJobRunner(
    IServiceScopeFactory scopes, ReportJobQueue queue, ReportFiles files, TimeProvider clock, ILogger<ReportJobRunner> logger)
    : BackgroundService
{
    const int PageSize = 1000;
    static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    // A job left running by a stopped process is started again.
    const string RequeueSql = "UPDATE report_job SET status = 'queued', done = 0 WHERE status = 'running'";

    // The status check in the UPDATE lets several nodes share the queue without running a job twice.
    const string ClaimSql = $"""
        UPDATE report_job SET status = 'running'
        WHERE id = (SELECT id FROM report_job WHERE status = 'queued' ORDER BY created_at, id LIMIT 1) AND status = 'queued'
        RETURNING {ReportJob.Columns}
        """;
    const string TotalSql = "UPDATE report_job SET total = @Total WHERE id = @Id";
    const string ProgressSql = "UPDATE report_job SET done = @Done WHERE id = @Id";
    const string FinishSql = "UPDATE report_job SET status = @Status, finished_at = @Now WHERE id = @Id";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Db>().ExecuteAsync(RequeueSql, null, stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await RunNextAsync(stoppingToken))
            {
                await queue.WaitAsync(Poll, stoppingToken);
            }
        }
    }

    /// <summary>Runs the oldest queued job; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Db>();
        var job = await db.QuerySingleOrDefaultAsync<ReportJob>(ClaimSql, null, ct);
        if (job is null)
        {
            return false;
        }
        try
        {
            await BuildAsync(db, scope.ServiceProvider.GetRequiredService<PublicLinks>(), job, ct);
            await db.ExecuteAsync(FinishSql, new { job.Id, Status = "done", Now = clock.GetUtcNow() }, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogError(failure, "Report job {JobId} failed", job.Id);
            await db.ExecuteAsync(FinishSql, new { job.Id, Status = "failed", Now = clock.GetUtcNow() }, ct);
        }
        return true;
    }

    async Task BuildAsync(Db db, PublicLinks links, ReportJob job, CancellationToken ct)
    {
        var consultation = await ReportAccess.FindAsync(db, job.ConsultationId, ct)
            ?? throw new InvalidOperationException("The consultation was deleted.");
        ReportFormats.TryParse(job.Format, out var format);
        var counts = await ReportData.CountsAsync(db, job.ConsultationId, ct);
        await db.ExecuteAsync(TotalSql, new { job.Id, Total = counts.Overall.Submissions }, ct);

        Directory.CreateDirectory(files.Directory);
        var path = files.PathFor(job.Id, job.Format);
        var partial = path + ".partial";
        await using (var output = File.Create(partial))
        {
            var writer = new ReportWriter(consultation, counts, links.To, clock.GetUtcNow());
            await writer.WriteAsync(format, output, ReportData.PagesAsync(db, job.ConsultationId, PageSize, ct),
                done => db.ExecuteAsync(ProgressSql, new { job.Id, Done = done }, ct), ct);
        }
        // Only a complete file ever has the name the download link points to.
        File.Move(partial, path, overwrite: true);
    }
}
