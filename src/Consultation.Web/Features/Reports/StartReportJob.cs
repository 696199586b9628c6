using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Reports;

/// <summary>
/// Asks for a report download to be built in the background. Anyone who may read the report may ask; a job already
/// queued or running for the same consultation and format, or one finished in the last few minutes, is reused, so
/// repeated clicks (or callers) do not pile up work.
/// </summary>
public static class StartReportJob
{
    public sealed record Command(Guid ConsultationId, string Format) : ICommand<ReportJob>;

    static readonly TimeSpan ReuseFinishedFor = TimeSpan.FromMinutes(10);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ConsultationId).NotEmpty();
            RuleFor(c => c.Format).Must(f => ReportFormats.TryParse(f, out _)).WithMessage("Choose csv, md or json.");
        }
    }

    public sealed class Handler(Db db, ReportAccess access, TimeProvider clock) : ICommandHandler<Command, ReportJob>
    {
        const string ReusableSql = $"""
            SELECT {ReportJob.Columns} FROM report_job
            WHERE consultation_id = @ConsultationId AND format = @Format
              AND (status IN ('queued', 'running') OR (status = 'done' AND finished_at > @FreshSince))
            ORDER BY created_at DESC LIMIT 1
            """;
        const string InsertSql = $"""
            INSERT INTO report_job (id, consultation_id, format, status, created_at) VALUES (@Id, @ConsultationId, @Format, 'queued', @Now)
            RETURNING {ReportJob.Columns}
            """;

        public async ValueTask<ReportJob> Handle(Command c, CancellationToken ct)
        {
            await access.RequireReadableAsync(c.ConsultationId, ct);
            var format = c.Format.ToLowerInvariant();
            var now = clock.GetUtcNow();
            var reusable = await db.QuerySingleOrDefaultAsync<ReportJob>(ReusableSql,
                new { c.ConsultationId, Format = format, FreshSince = now - ReuseFinishedFor }, ct);
            if (reusable is not null)
            {
                return reusable;
            }
            var job = await db.QuerySingleOrDefaultAsync<ReportJob>(InsertSql,
                new { Id = Guid.CreateVersion7(), c.ConsultationId, Format = format, Now = now }, ct);
            db.AfterCommit(new ReportJobQueued(job!.Id));
            return job;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder report) =>
        report.MapPost("/report/jobs", async (Guid consultationId, string? format, ISender sender, CancellationToken ct) =>
            {
                var job = await sender.Send(new Command(consultationId, format ?? ""), ct);
                return Results.Accepted($"/api/consultations/{consultationId}/report/jobs/{job.Id}", job);
            })
            .RequireRateLimiting(RateLimits.Posting)
            .WithName("StartReportJob")
            .WithSummary("Starts (or reuses) building a report download (?format=csv|md|json) in the background; poll the job it returns.");
}
