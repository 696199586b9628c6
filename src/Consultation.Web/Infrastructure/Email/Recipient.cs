using System.Globalization;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;

namespace Consultation.Web.Infrastructure.Email;

/// <summary>
/// Someone an email goes to, with the interface language they chose for their account. Emails about other people's
/// actions (a moderator's decision, an organisation's answer) are written in the recipient's language, not in that of
/// the request that caused them.
/// </summary>
public sealed record Recipient
{
    public string Email { get; init; } = "";
    public string Language { get; init; } = "";

    const string PersonSql = """
        SELECT "Email" AS Email, "PreferredLanguage" AS Language FROM "AspNetUsers" WHERE "Id" = @Id AND "Email" IS NOT NULL
        """;
    const string RepresentativesSql = """
        SELECT u."Email" AS Email, u."PreferredLanguage" AS Language
        FROM organisation_member m JOIN "AspNetUsers" u ON u."Id" = m.user_id
        WHERE m.organisation_id = @OrganisationId AND m.role = 'representative' AND u."Email" IS NOT NULL
        """;

    /// <summary>The person, or null when their account is gone.</summary>
    public static Task<Recipient?> PersonAsync(Db db, Guid userId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<Recipient>(PersonSql, new { Id = userId }, ct);

    /// <summary>Those who speak for an organisation, each with their own language.</summary>
    public static Task<IReadOnlyList<Recipient>> RepresentativesAsync(Db db, Guid organisationId, CancellationToken ct) =>
        db.QueryAsync<Recipient>(RepresentativesSql, new { OrganisationId = organisationId }, ct);

    /// <summary>
    /// Composes an email to this recipient in their language: string localisers read the current UI culture, so it is
    /// theirs while <paramref name="compose"/> runs, and the request's again afterwards.
    /// </summary>
    public OutgoingEmail Write(Func<string, OutgoingEmail> compose)
    {
        var requests = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.Supported.Contains(Language) ? Language : "en");
        try
        {
            return compose(Email);
        }
        finally
        {
            CultureInfo.CurrentUICulture = requests;
        }
    }
}
