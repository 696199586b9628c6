namespace Consultation.Web.Features.Organisations;

/// <summary>
/// Anchor for the words several organisation pages show (constituencies, statuses, roles) and the validation
/// messages of the organisation use cases, translated once in
/// Resources/Features/Organisations/OrganisationTerms.*.resx.
/// </summary>
public sealed class OrganisationTerms
{
    public static string Status(string status) => status switch
    {
        "verified" => "Verified",
        "suspended" => "Suspended",
        _ => "Pending verification",
    };

    public static string Role(string role) => role == "representative" ? "Representative" : "Member";
}
