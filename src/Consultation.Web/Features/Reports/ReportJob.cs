namespace Consultation.Web.Features.Reports;

/// <summary>A report download being built in the background; Status is queued, running, done or failed.</summary>
public sealed record ReportJob
{
    public Guid Id { get; init; }
    public Guid ConsultationId { get; init; }
    public string Format { get; init; } = "";
    public string Status { get; init; } = "";
    public long Done { get; init; }
    public long Total { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    public int Percent => Status == "done" ? 100 : Total == 0 ? 0 : (int)Math.Min(99, Done * 100 / Total);

    public const string Columns = """
        id AS Id, consultation_id AS ConsultationId, format AS Format, status AS Status, done AS Done, total AS Total,
        created_at AS CreatedAt, finished_at AS FinishedAt
        """;
}
