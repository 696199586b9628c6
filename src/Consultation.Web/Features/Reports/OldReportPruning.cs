using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Housekeeping;

namespace Consultation.Web.Features.Reports;

/// <summary>
/// Deletes report downloads (file and job) a day after they were built: the data moves on, and anyone who still wants
/// one simply asks again, which builds a fresh file.
/// </summary>
public sealed class OldReportPruning(Db db, ReportFiles files, TimeProvider clock) : IHousekeepingTask
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    const string OldJobsSql = "SELECT id AS Id, format AS Format FROM report_job WHERE status IN ('done', 'failed') AND finished_at < @Before";
    const string DeleteSql = "DELETE FROM report_job WHERE id = @Id";

    public async Task RunAsync(CancellationToken ct)
    {
        var old = await db.QueryAsync<OldJob>(OldJobsSql, new { Before = clock.GetUtcNow() - KeptFor }, ct);
        foreach (var job in old)
        {
            // The file first: a job row without its file would offer a download that fails.
            File.Delete(files.PathFor(job.Id, job.Format));
            await db.ExecuteAsync(DeleteSql, new { job.Id }, ct);
        }
    }

    sealed record OldJob
    {
        public Guid Id { get; init; }
        public string Format { get; init; } = "";
    }
}
