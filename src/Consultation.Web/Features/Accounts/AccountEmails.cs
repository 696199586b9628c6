using Consultation.Web.Infrastructure.Email;
using Consultation.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// The emails the account use cases send, in the language of the request that caused them. Links carry the person's
/// id rather than their address, so that addresses do not end up in proxy logs.
/// </summary>
public static class AccountEmails
{
    public static OutgoingEmail ConfirmAddress(IStringLocalizer<AccountText> text, PublicLinks links, string to, Guid userId, string token) =>
        new(to, text["Confirm your email address"],
            text["Open this link to confirm your address and finish creating your Consultation account:"] + "\n\n"
            + links.To($"/Accounts/ConfirmEmail?userId={userId}&code={Uri.EscapeDataString(token)}") + "\n\n"
            + text["If you did not ask for an account, ignore this email."]);

    public static OutgoingEmail SomeoneTriedToRegister(IStringLocalizer<AccountText> text, PublicLinks links, string to) =>
        new(to, text["Someone tried to register with your address"],
            text["Someone tried to create a Consultation account with this email address, which already has one. Nothing was changed."] + "\n\n"
            + text["If it was you, sign in instead. If you forgot your password, reset it here:"] + "\n\n"
            + links.To("/Accounts/ForgotPassword"));

    public static OutgoingEmail ResetPassword(IStringLocalizer<AccountText> text, PublicLinks links, string to, Guid userId, string token) =>
        new(to, text["Reset your password"],
            text["Open this link to choose a new password for your Consultation account:"] + "\n\n"
            + links.To($"/Accounts/ResetPassword?userId={userId}&code={Uri.EscapeDataString(token)}") + "\n\n"
            + text["If you did not ask for this, ignore this email: your password stays as it is."]);
}

/// <summary>Anchor for the texts of account emails and refusals (Resources/Features/Accounts/AccountText.*.resx).</summary>
public sealed class AccountText;
