namespace Consultation.Web.Features.Reports;

/// <summary>The download formats of a synthesis report (the HTML page is the report page itself).</summary>
public enum ReportFormat { Csv, Markdown, Json }

public static class ReportFormats
{
    /// <summary>"csv", "md" or "json", as in the download routes and report_job.format.</summary>
    public static string Extension(this ReportFormat format) => format switch
    {
        ReportFormat.Csv => "csv",
        ReportFormat.Markdown => "md",
        _ => "json",
    };

    public static string ContentType(this ReportFormat format) => format switch
    {
        ReportFormat.Csv => "text/csv; charset=utf-8; header=present",
        ReportFormat.Markdown => "text/markdown; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static bool TryParse(string? extension, out ReportFormat format)
    {
        foreach (var candidate in Enum.GetValues<ReportFormat>())
        {
            if (string.Equals(candidate.Extension(), extension, StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }
        format = default;
        return false;
    }

    public static string FileName(Guid consultationId, ReportFormat format) => $"synthesis-report-{consultationId}.{format.Extension()}";
}
