using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;

namespace Consultation.Web.Features.Submissions;

/// <summary>The reads the co-signing and endorsement use cases share: what state a submission is in, and who signed it.</summary>
public static class CoSigningStatements
{
    public sealed record SubmissionState
    {
        public Guid LeadOrganisationId { get; init; }
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Hidden { get; init; }
    }

    const string StateSql = """
        SELECT organisation_id AS LeadOrganisationId, title AS Title, status AS Status, hidden AS Hidden
        FROM submission WHERE id = @SubmissionId
        """;
    const string SignatoryStatusSql = """
        SELECT status FROM submission_signatory WHERE submission_id = @SubmissionId AND organisation_id = @OrganisationId
        """;
    const string IsVerifiedSql = "SELECT 1 FROM organisation WHERE id = @OrganisationId AND status = 'verified'";

    /// <summary>The submission, or a 404 when it does not exist.</summary>
    public static async Task<SubmissionState> SubmissionStateAsync(this Db db, Guid submissionId, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<SubmissionState>(StateSql, new { SubmissionId = submissionId }, ct)
            ?? throw new NotFoundException("The submission");

    /// <summary>"invited", "signed", "declined", or null when the organisation was never asked.</summary>
    public static Task<string?> SignatoryStatusAsync(this Db db, Guid submissionId, Guid organisationId, CancellationToken ct) =>
        db.ExecuteScalarAsync<string>(SignatoryStatusSql, new { SubmissionId = submissionId, OrganisationId = organisationId }, ct);

    /// <summary>
    /// The submission as the caller may see it: drafts and hidden submissions only by the lead organisation's members
    /// (anyone else gets the same 404 as for a submission that does not exist).
    /// </summary>
    public static async Task<(SubmissionState Submission, bool IsLeadMember)> VisibleSubmissionAsync(
        this Db db, Caller caller, AccessRules rules, Guid submissionId, CancellationToken ct)
    {
        var submission = await db.SubmissionStateAsync(submissionId, ct);
        var isLeadMember = caller.UserId is { } userId && await rules.OrganisationRoleAsync(userId, submission.LeadOrganisationId, ct) is not null;
        if (!isLeadMember && (submission.Status == "draft" || submission.Hidden))
        {
            throw new NotFoundException("The submission");
        }
        return (submission, isLeadMember);
    }

    public static Task<bool> IsVerifiedOrganisationAsync(this Db db, Guid organisationId, CancellationToken ct) =>
        db.ExistsAsync(IsVerifiedSql, new { OrganisationId = organisationId }, ct);

    /// <summary>
    /// Dapper expands "IN @Ids" into one parameter per id on SQLite but sends one array to PostgreSQL, which needs
    /// "= ANY(@Ids)"; statements write {ids} where the test goes.
    /// </summary>
    public static string WithIdList(this Db db, string sql, string column) =>
        sql.Replace("{ids}", db.Dialect == Dialect.Sqlite ? $"{column} IN @Ids" : $"{column} = ANY(@Ids)", StringComparison.Ordinal);
}
