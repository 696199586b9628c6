using Consultation.Web.Infrastructure.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests.Support;

/// <summary>
/// Organisations written straight into the tables, for areas (Networks...) that only need one to exist; the
/// Organisations tests cover registering and verifying them for real.
/// </summary>
public static class OrganisationRows
{
    /// <summary>An organisation with this person as its representative, verified or still pending.</summary>
    public static async Task<Guid> CreateOrganisationAsync(this TestApp app, TestPerson representative, bool verified = true, string? name = null)
    {
        var id = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        await app.ExecuteSqlAsync("""
            INSERT INTO organisation (id, name, status, verified_at, created_at) VALUES (@Id, @Name, @Status, @VerifiedAt, @Now);
            INSERT INTO organisation_member (organisation_id, user_id, role, joined_at) VALUES (@Id, @UserId, 'representative', @Now);
            """,
            new
            {
                Id = id,
                Name = name ?? "Organisation " + id.ToString("N")[^8..],
                Status = verified ? "verified" : "pending",
                VerifiedAt = verified ? now : (DateTimeOffset?)null,
                UserId = representative.Id,
                Now = now,
            });
        return id;
    }

    /// <summary>Adds a person to an organisation as "member" or "representative".</summary>
    public static Task AddOrganisationMemberAsync(this TestApp app, Guid organisationId, TestPerson person, string role = "member") =>
        app.ExecuteSqlAsync(
            "INSERT INTO organisation_member (organisation_id, user_id, role, joined_at) VALUES (@OrganisationId, @UserId, @Role, @Now)",
            new { OrganisationId = organisationId, UserId = person.Id, Role = role, Now = app.Clock.GetUtcNow() });
}
