namespace Consultation.Web.Tests.Support;

/// <summary>
/// Consultations, submissions and signatures written straight into the tables for the report tests (the areas that
/// create them for real are built and tested elsewhere).
/// </summary>
public static class ReportRows
{
    /// <summary>A network with this person as organiser, and a global consultation of it in the given status.</summary>
    public static async Task<(Guid ConsultationId, Guid NetworkId)> CreateReportConsultationAsync(this TestApp app, TestPerson organiser, string status)
    {
        var networkId = Guid.CreateVersion7();
        var consultationId = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        await app.ExecuteSqlAsync("""
            INSERT INTO network (id, name, created_at) VALUES (@NetworkId, 'Report test network', @Now);
            INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@NetworkId, @UserId, @Now);
            INSERT INTO consultation (id, network_id, title, scope, feeds_report, opens_at, closes_at, status, created_at)
            VALUES (@ConsultationId, @NetworkId, 'Report test consultation', 'global', 'VNR 2026', @Opens, @Closes, @Status, @Now);
            """,
            new { NetworkId = networkId, ConsultationId = consultationId, UserId = organiser.Id, Now = now, Opens = now.AddDays(-10), Closes = now.AddDays(10), Status = status });
        return (consultationId, networkId);
    }

    /// <summary>Gives an organisation the place, constituencies and private contact the report must count (or hide).</summary>
    public static async Task DescribeReportOrganisationAsync(this TestApp app, Guid organisationId, string? countryCode, string? regionCode,
        string contactEmail, params string[] constituencies)
    {
        await app.ExecuteSqlAsync(
            "UPDATE organisation SET country_code = @CountryCode, region_code = @RegionCode, contact_email = @ContactEmail WHERE id = @OrganisationId",
            new { OrganisationId = organisationId, CountryCode = countryCode, RegionCode = regionCode, ContactEmail = contactEmail });
        foreach (var constituency in constituencies)
        {
            await app.ExecuteSqlAsync("INSERT INTO organisation_constituency (organisation_id, constituency) VALUES (@OrganisationId, @Constituency)",
                new { OrganisationId = organisationId, Constituency = constituency });
        }
    }

    /// <summary>A submission led (and signed) by <paramref name="lead"/>, tagged, with co-signers as (organisation, status).</summary>
    public static async Task<Guid> CreateReportSubmissionAsync(this TestApp app, Guid consultationId, Guid lead, string title, string summary,
        string[] priorities, int[] objectives, (Guid Organisation, string Status)[]? coSigners = null, string status = "submitted",
        bool hidden = false, TestPerson? author = null)
    {
        var id = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        await app.ExecuteSqlAsync("""
            INSERT INTO submission (id, consultation_id, organisation_id, title, summary, body, body_html, language, status, hidden,
                                    created_by, created_at, submitted_at, updated_at, current_version)
            VALUES (@Id, @ConsultationId, @Lead, @Title, @Summary, 'Body text', '<p>Body text</p>', 'en', @Status, @Hidden,
                    @AuthorId, @Now, @Now, @Now, 1);
            INSERT INTO submission_signatory (submission_id, organisation_id, role, status, invited_at, responded_at)
            VALUES (@Id, @Lead, 'lead', 'signed', @Now, @Now);
            """,
            new { Id = id, ConsultationId = consultationId, Lead = lead, Title = title, Summary = summary, Status = status, Hidden = hidden, AuthorId = author?.Id, Now = now });
        foreach (var code in priorities)
        {
            await app.ExecuteSqlAsync("INSERT INTO submission_priority (submission_id, priority_code) VALUES (@Id, @Code)", new { Id = id, Code = code });
        }
        foreach (var number in objectives)
        {
            await app.ExecuteSqlAsync("INSERT INTO submission_objective (submission_id, objective_number) VALUES (@Id, @Number)", new { Id = id, Number = number });
        }
        foreach (var (organisation, signatoryStatus) in coSigners ?? [])
        {
            await app.ExecuteSqlAsync("""
                INSERT INTO submission_signatory (submission_id, organisation_id, role, status, invited_at) VALUES (@Id, @Organisation, 'co-signer', @Status, @Now)
                """, new { Id = id, Organisation = organisation, Status = signatoryStatus, Now = now });
        }
        return id;
    }
}
