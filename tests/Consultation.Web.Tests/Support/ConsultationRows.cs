namespace Consultation.Web.Tests.Support;

/// <summary>
/// Consultations written straight into the table, for tests (Submissions, Comments...) that only need one to exist;
/// the Consultations tests create them through the use case.
/// </summary>
public static class ConsultationRows
{
    /// <summary>A global consultation run by the organisation, in the given status.</summary>
    public static Task<Guid> CreateConsultationRowAsync(this TestApp app, Guid organisationId, string status = "open", string? title = null) =>
        app.InsertConsultationAsync(organisationId, null, status, title);

    /// <summary>A global consultation run by the network (so moderated by its organisers), in the given status.</summary>
    public static Task<Guid> CreateNetworkConsultationRowAsync(this TestApp app, Guid networkId, string status = "open", string? title = null) =>
        app.InsertConsultationAsync(null, networkId, status, title);

    static async Task<Guid> InsertConsultationAsync(this TestApp app, Guid? organisationId, Guid? networkId, string status, string? title)
    {
        var id = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        await app.ExecuteSqlAsync("""
            INSERT INTO consultation (id, organisation_id, network_id, title, scope, opens_at, closes_at, status, created_at)
            VALUES (@Id, @OrganisationId, @NetworkId, @Title, 'global', @OpensAt, @ClosesAt, @Status, @Now)
            """,
            new
            {
                Id = id,
                OrganisationId = organisationId,
                NetworkId = networkId,
                Title = title ?? "Consultation " + id.ToString("N")[^8..],
                OpensAt = now.AddDays(-1),
                ClosesAt = now.AddDays(30),
                Status = status,
                Now = now,
            });
        return id;
    }

    public static Task<long> ConsultationAuditCountAsync(this TestApp app, Guid consultationId, string action) =>
        app.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE object_type = 'consultation' AND object_id = @Id AND action = @Action",
            new { Id = consultationId, Action = action });
}
