using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// Who may see and change a submission. The lead organisation's members write it; everyone reads it once submitted
/// (withdrawn ones too, with a notice); a draft, or a hidden one, does not exist for anyone else (404).
/// </summary>
public static class SubmissionAccess
{
    const string StateSql = """
        SELECT s.organisation_id AS OrganisationId, s.status AS Status, s.hidden AS Hidden, s.current_version AS CurrentVersion,
               c.status AS ConsultationStatus
        FROM submission s JOIN consultation c ON c.id = s.consultation_id
        WHERE s.id = @Id
        """;

    public sealed record State
    {
        public Guid OrganisationId { get; init; }
        public string Status { get; init; } = "";
        public bool Hidden { get; init; }
        public int CurrentVersion { get; init; }
        public string ConsultationStatus { get; init; } = "";
        public bool IsLeadMember { get; set; }
    }

    /// <summary>The submission as the caller may see it, or NotFound.</summary>
    public static async Task<State> VisibleAsync(Db db, Caller caller, AccessRules rules, Guid submissionId, CancellationToken ct)
    {
        var state = await db.QuerySingleOrDefaultAsync<State>(StateSql, new { Id = submissionId }, ct)
            ?? throw new NotFoundException("The submission");
        state.IsLeadMember = caller.UserId is { } userId && await rules.OrganisationRoleAsync(userId, state.OrganisationId, ct) is not null;
        if ((state.Status == "draft" || state.Hidden) && !state.IsLeadMember)
        {
            throw new NotFoundException("The submission");
        }
        return state;
    }

    /// <summary>The submission, for a member of its lead organisation: outsiders who may see it get 403, others 404.</summary>
    public static async Task<State> WritableAsync(Db db, Caller caller, AccessRules rules, Guid submissionId, CancellationToken ct)
    {
        var state = await VisibleAsync(db, caller, rules, submissionId, ct);
        return state.IsLeadMember ? state : throw new AccessDeniedException("Only members of the lead organisation may change this submission.");
    }

    /// <summary>
    /// As <see cref="WritableAsync"/>, while the lead organisation is verified: a position speaks for it, so once
    /// suspended it may no longer publish or change what it says (it may still withdraw it).
    /// </summary>
    public static async Task<State> PublishableAsync(Db db, Caller caller, AccessRules rules, Guid submissionId, CancellationToken ct)
    {
        var state = await WritableAsync(db, caller, rules, submissionId, ct);
        return await db.IsVerifiedOrganisationAsync(state.OrganisationId, ct)
            ? state
            : throw new AccessDeniedException("Only a verified organisation may submit positions.");
    }
}
