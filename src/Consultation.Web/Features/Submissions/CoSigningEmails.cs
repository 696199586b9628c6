using Consultation.Web.Infrastructure.Email;
using Consultation.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// The emails of co-signing: the invitation to an organisation's representatives, and its answer to the lead
/// organisation's. Composed inside <see cref="Recipient.Write"/>, so each in its recipient's language.
/// </summary>
public static class CoSigningEmails
{
    public static OutgoingEmail Invitation(IStringLocalizer<CoSigningTerms> text, PublicLinks links, string to, string submissionTitle, Guid invitedOrganisationId) =>
        new(to, text["An invitation to co-sign a submission"],
            text["Your organisation is invited to co-sign the submission \"{0}\".", submissionTitle] + "\n\n"
            + text["Read it and accept or decline here:"] + "\n\n"
            + links.To($"/Organisations/{invitedOrganisationId}/CoSigning"));

    public static OutgoingEmail Answered(
        IStringLocalizer<CoSigningTerms> text, PublicLinks links, string to, string organisationName, string submissionTitle, Guid submissionId, bool accepted) =>
        new(to, accepted ? text["{0} co-signed your submission", organisationName] : text["{0} declined to co-sign your submission", organisationName],
            (accepted
                ? text["{0} accepted the invitation to co-sign \"{1}\".", organisationName, submissionTitle]
                : text["{0} declined the invitation to co-sign \"{1}\".", organisationName, submissionTitle]) + "\n\n"
            + text["See the submission and its signatories:"] + "\n\n"
            + links.To($"/Submissions/{submissionId}"));
}
