using Consultation.Web.Infrastructure;

namespace Consultation.Web.Features.Reports;

/// <summary>Where finished report downloads are kept: &lt;DataDirectory&gt;/reports/&lt;job id&gt;.&lt;format&gt;.</summary>
public sealed class ReportFiles(IConfiguration configuration)
{
    public string Directory { get; } = Path.Combine(InfrastructureSetup.DataDirectory(configuration), "reports");

    public string PathFor(Guid jobId, string extension) => Path.Combine(Directory, $"{jobId:N}.{extension}");
}
