using Consultation.Web.Infrastructure.Housekeeping;
namespace Consultation.Web.Features.Reports;

public static class ReportsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var report = api.MapGroup("/consultations/{consultationId:guid}").WithTags("Synthesis reports");
        DownloadSynthesisReport.Map(report);
        StartReportJob.Map(report);
        GetReportJob.Map(report);
    }

    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddScoped<ReportAccess>()
        .AddSingleton<ReportFiles>()
        .AddSingleton<ReportJobQueue>()
        .AddHostedService<ReportJobRunner>()
        .AddScoped<IHousekeepingTask, OldReportPruning>();
}
