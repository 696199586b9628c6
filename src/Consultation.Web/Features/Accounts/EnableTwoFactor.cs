using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Identity;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// Turns two-factor sign-in on once the person shows a code from their app (proof the app holds the key), and
/// returns ten recovery codes, shown this once.
/// </summary>
public static class EnableTwoFactor
{
    public sealed record Command(string Code) : ICommand<IReadOnlyList<string>>, ISignedInRequest;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(20);
    }

    public sealed class Handler(
        UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, Caller caller, IStringLocalizer<AccountText> text)
        : ICommandHandler<Command, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(Command c, CancellationToken ct)
        {
            var person = await users.SignedInPersonAsync(caller);
            var code = c.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                throw AccountRules.Invalid(nameof(Command.Code), text["That code is not right. Check that the time on your phone is correct and try the newest code."]);
            }
            await users.SetTwoFactorEnabledAsync(person, true);
            var recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(person, RegenerateRecoveryCodes.Count))!.ToList();
            // Turning two-factor on changes the security stamp; renew the cookie so this session stays signed in.
            await signIn.RefreshSignInAsync(person);
            return recoveryCodes;
        }
    }
}
