using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Reports;

/// <summary>How far a background report download has got, for whoever may read the report.</summary>
public static class GetReportJob
{
    public sealed record Query(Guid ConsultationId, Guid JobId) : IQuery<ReportJob>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.ConsultationId).NotEmpty();
            RuleFor(q => q.JobId).NotEmpty();
        }
    }

    public sealed class Handler(Db db, ReportAccess access) : IQueryHandler<Query, ReportJob>
    {
        const string Sql = $"SELECT {ReportJob.Columns} FROM report_job WHERE id = @JobId AND consultation_id = @ConsultationId";

        public async ValueTask<ReportJob> Handle(Query q, CancellationToken ct)
        {
            await access.RequireReadableAsync(q.ConsultationId, ct);
            return await db.QuerySingleOrDefaultAsync<ReportJob>(Sql, q, ct) ?? throw new NotFoundException("The report job");
        }
    }

    public static void Map(RouteGroupBuilder report)
    {
        report.MapGet("/report/jobs/{jobId:guid}", async (Guid consultationId, Guid jobId, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Query(consultationId, jobId), ct)))
            .WithName("GetReportJob")
            .WithSummary("A background report job: status (queued, running, done, failed), done/total and percent.");

        report.MapGet("/report/jobs/{jobId:guid}/file", async (Guid consultationId, Guid jobId, ISender sender, ReportFiles files, CancellationToken ct) =>
            {
                var job = await sender.Send(new Query(consultationId, jobId), ct);
                ReportFormats.TryParse(job.Format, out var format);
                return job.Status == "done" && File.Exists(files.PathFor(job.Id, job.Format))
                    ? Results.File(files.PathFor(job.Id, job.Format), format.ContentType(), ReportFormats.FileName(consultationId, format))
                    : Results.Conflict(new { job.Status, job.Percent });
            })
            .WithName("DownloadReportJobFile")
            .WithSummary("The finished file of a background report job (409 while it is still being built).");
    }
}
