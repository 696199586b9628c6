using Consultation.Web.Infrastructure.Email;
using Consultation.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// What authors are told about moderators' decisions on their submissions and comments. Composed inside
/// <see cref="Recipient.Write"/>, so in the author's language.
/// </summary>
public static class ModerationEmails
{
    public static OutgoingEmail Hidden(IStringLocalizer<ModerationText> text, PublicLinks links, string to, ContentType type, string reasonCode, string note) =>
        new(to, text["A moderator hid your contribution"],
            Body(text, links, type == ContentType.Submission
                ? text["A moderator hid your submission (reason: {0}).", text[ModeratedContent.ReasonLabel(reasonCode)]]
                : text["A moderator hid your comment (reason: {0}).", text[ModeratedContent.ReasonLabel(reasonCode)]], note));

    public static OutgoingEmail Restored(IStringLocalizer<ModerationText> text, PublicLinks links, string to, ContentType type) =>
        new(to, text["Your contribution is visible again"],
            Body(text, links, type == ContentType.Submission
                ? text["A moderator restored your submission: everyone can see it again."]
                : text["A moderator restored your comment: everyone can see it again."], ""));

    public static OutgoingEmail AppealDecided(IStringLocalizer<ModerationText> text, PublicLinks links, string to, ContentType type, bool overturned, string note) =>
        new(to, text["The decision on your appeal"],
            Body(text, links, (overturned, type) switch
            {
                (true, ContentType.Submission) => text["Your appeal succeeded: your submission is visible again."],
                (true, _) => text["Your appeal succeeded: your comment is visible again."],
                (false, ContentType.Submission) => text["Your appeal was rejected: your submission stays hidden."],
                _ => text["Your appeal was rejected: your comment stays hidden."],
            }, note));

    // The moderator's note is quoted as written: it is addressed to this author.
    static string Body(IStringLocalizer<ModerationText> text, PublicLinks links, string decision, string note) =>
        decision + (note.Length > 0 ? "\n\n" + note : "") + "\n\n"
        + text["See the decisions about your contributions, and appeal once against a decision to hide one:"] + "\n\n"
        + links.To("/Moderation/Mine");
}

/// <summary>Anchor for the texts of moderation emails (Resources/Features/Moderation/ModerationText.*.resx).</summary>
public sealed class ModerationText;
