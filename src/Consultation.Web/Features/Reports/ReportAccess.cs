using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;

namespace Consultation.Web.Features.Reports;

/// <summary>The consultation a report is about, as the report shows it.</summary>
public sealed record ReportConsultation
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public string FeedsReport { get; init; } = "";
    public Guid? NetworkId { get; init; }
    public Guid? OrganisationId { get; init; }

    /// <summary>Once a consultation has closed its inputs are public record; before, the report is a working draft.</summary>
    public bool IsPublic => Status is "closed" or "synthesised";
}

/// <summary>
/// Who may read a consultation's synthesis report: anyone once it is closed or synthesised; while it is a draft or open,
/// only its organisers (organisers of its network, representatives of its organisation) and platform admins, so that
/// a partial picture is not quoted as the result.
/// </summary>
public sealed class ReportAccess(Db db, Caller caller, AccessRules rules)
{
    const string ConsultationSql = """
        SELECT id AS Id, title AS Title, status AS Status, feeds_report AS FeedsReport,
               network_id AS NetworkId, organisation_id AS OrganisationId
        FROM consultation WHERE id = @ConsultationId
        """;

    /// <summary>The consultation, or a refusal: 404 (unknown, or a draft the caller may not know of), 401, 403.</summary>
    public async Task<ReportConsultation> RequireReadableAsync(Guid consultationId, CancellationToken ct)
    {
        var consultation = await FindAsync(db, consultationId, ct) ?? throw new NotFoundException("The consultation");
        if (consultation.IsPublic)
        {
            return consultation;
        }
        if (caller.UserId is not { } userId)
        {
            throw consultation.Status == "draft" ? new NotFoundException("The consultation") : new NotSignedInException();
        }
        if (await OrganisesAsync(consultation, userId, ct))
        {
            return consultation;
        }
        throw consultation.Status == "draft"
            ? new NotFoundException("The consultation")
            : new AccessDeniedException("The report is published when the consultation closes; until then only its organisers see it.");
    }

    /// <summary>The consultation without any access check, for the background job that a checked request queued.</summary>
    public static Task<ReportConsultation?> FindAsync(Db db, Guid consultationId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<ReportConsultation>(ConsultationSql, new { ConsultationId = consultationId }, ct);

    async Task<bool> OrganisesAsync(ReportConsultation consultation, Guid userId, CancellationToken ct) =>
        (consultation.NetworkId is { } networkId && await rules.IsNetworkOrganiserAsync(userId, networkId, ct))
        || (consultation.OrganisationId is { } organisationId && await rules.OrganisationRoleAsync(userId, organisationId, ct) == "representative")
        || await rules.IsAdminAsync(userId, ct);
}
