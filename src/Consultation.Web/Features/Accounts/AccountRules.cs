using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;

namespace Consultation.Web.Features.Accounts;

/// <summary>The field rules several account use cases share, so registration, reset and the profile agree.</summary>
public static class AccountRules
{
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().EmailAddress().MaximumLength(256);

    // Long passphrases beat composition rules (NIST SP 800-63B); the upper bound keeps hashing cheap to refuse.
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(10).MaximumLength(200);

    public static IRuleBuilderOptions<T, string> DisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100);

    public static IRuleBuilderOptions<T, string> Language<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(language => Languages.Supported.Contains(language))
            .WithMessage("Choose one of: " + string.Join(", ", Languages.Supported) + ".");

    /// <summary>A refusal on one field, reported like a validator's (400 for the API, a field error on the page).</summary>
    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    /// <summary>Identity's own refusals of a new password (after our validator passed), on the given field.</summary>
    public static ValidationException InvalidPassword(string field, IdentityResult result) =>
        new(result.Errors.Select(e => new ValidationFailure(field, e.Description)));

    /// <summary>The signed-in person as Identity sees them (call before any Dapper statement, see conventions).</summary>
    public static async Task<ApplicationUser> SignedInPersonAsync(this UserManager<ApplicationUser> users, Caller caller) =>
        await users.FindByIdAsync(caller.RequiredUserId.ToString()) ?? throw new NotFoundException("Your account");
}
