namespace Consultation.Web.Tests.Support;

/// <summary>
/// Consultations and submissions written straight into the tables for the co-signing, endorsement and search tests
/// (writing submissions is another area's use case). Each submission has its lead organisation as signed signatory.
/// </summary>
public static class CoSigningRows
{
    public static async Task<Guid> CreateConsultationForCoSigningAsync(this TestApp app, Guid organisationId)
    {
        var id = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        await app.ExecuteSqlAsync("""
            INSERT INTO consultation (id, organisation_id, title, scope, opens_at, closes_at, status, created_at)
            VALUES (@Id, @OrganisationId, @Title, 'global', @Opens, @Closes, 'open', @Now)
            """,
            new { Id = id, OrganisationId = organisationId, Title = "Consultation " + id.ToString("N")[^8..], Opens = now.AddDays(-1), Closes = now.AddDays(30), Now = now });
        return id;
    }

    public sealed record SubmissionRow(
        string? Title = null, string Summary = "A summary", string Body = "A body", string Language = "en",
        string Status = "submitted", bool Hidden = false, string[]? Priorities = null, int[]? Objectives = null,
        DateTimeOffset? SubmittedAt = null);

    /// <summary>A submission led by this organisation in this consultation (a new consultation when none is given).</summary>
    public static async Task<Guid> CreateSubmissionForCoSigningAsync(this TestApp app, Guid leadOrganisationId, Guid? consultationId = null, SubmissionRow? row = null)
    {
        row ??= new();
        var id = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        await app.ExecuteSqlAsync("""
            INSERT INTO submission (id, consultation_id, organisation_id, title, summary, body, body_html, language, status, hidden,
                                    created_at, submitted_at, updated_at, current_version)
            VALUES (@Id, @ConsultationId, @OrganisationId, @Title, @Summary, @Body, '', @Language, @Status, @Hidden,
                    @Now, @SubmittedAt, @Now, 1);
            INSERT INTO submission_signatory (submission_id, organisation_id, role, status, invited_at, responded_at)
            VALUES (@Id, @OrganisationId, 'lead', 'signed', @Now, @Now);
            """,
            new
            {
                Id = id,
                ConsultationId = consultationId ?? await app.CreateConsultationForCoSigningAsync(leadOrganisationId),
                OrganisationId = leadOrganisationId,
                Title = row.Title ?? "Submission " + id.ToString("N")[^8..],
                row.Summary,
                row.Body,
                row.Language,
                row.Status,
                row.Hidden,
                SubmittedAt = row.Status == "draft" ? (DateTimeOffset?)null : row.SubmittedAt ?? now,
                Now = now,
            });
        foreach (var priority in row.Priorities ?? [])
        {
            await app.ExecuteSqlAsync("INSERT INTO submission_priority (submission_id, priority_code) VALUES (@Id, @Priority)", new { Id = id, Priority = priority });
        }
        foreach (var objective in row.Objectives ?? [])
        {
            await app.ExecuteSqlAsync("INSERT INTO submission_objective (submission_id, objective_number) VALUES (@Id, @Objective)", new { Id = id, Objective = objective });
        }
        return id;
    }

    /// <summary>An organisation that has signed (or is invited to, or declined) the submission as a co-signer.</summary>
    public static Task AddCoSignerAsync(this TestApp app, Guid submissionId, Guid organisationId, string status = "signed") =>
        app.ExecuteSqlAsync("""
            INSERT INTO submission_signatory (submission_id, organisation_id, role, status, invited_at)
            VALUES (@SubmissionId, @OrganisationId, 'co-signer', @Status, @Now)
            """, new { SubmissionId = submissionId, OrganisationId = organisationId, Status = status, Now = app.Clock.GetUtcNow() });

    public static Task<string?> SignatoryStatusAsync(this TestApp app, Guid submissionId, Guid organisationId) =>
        app.ScalarAsync<string>("SELECT status FROM submission_signatory WHERE submission_id = @SubmissionId AND organisation_id = @OrganisationId",
            new { SubmissionId = submissionId, OrganisationId = organisationId });

    public static Task<long> SignatoryRowsAsync(this TestApp app, Guid submissionId) =>
        app.ScalarAsync<long>("SELECT COUNT(*) FROM submission_signatory WHERE submission_id = @Id", new { Id = submissionId });

    public static Task<long> EndorsementRowsAsync(this TestApp app, Guid submissionId) =>
        app.ScalarAsync<long>("SELECT COUNT(*) FROM submission_endorsement WHERE submission_id = @Id", new { Id = submissionId });
}
