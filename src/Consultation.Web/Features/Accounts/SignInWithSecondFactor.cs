using Consultation.Web.Infrastructure.Identity;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// The second step after a correct password when two-factor sign-in is on: a six-digit code from the authenticator
/// app, or one of the recovery codes (each works once). Wrong codes count towards the lockout like wrong passwords.
/// </summary>
public static class SignInWithSecondFactor
{
    public sealed record Command(string Code, bool RememberMe) : ICommand<SignInWithPassword.Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(50);
    }

    public sealed class Handler(SignInManager<ApplicationUser> signIn) : ICommandHandler<Command, SignInWithPassword.Result>
    {
        public async ValueTask<SignInWithPassword.Result> Handle(Command c, CancellationToken ct)
        {
            // The password step left a short-lived cookie naming the person; without it, start again.
            var person = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (person is null)
            {
                return new(SignInWithPassword.Outcome.Failed);
            }
            var code = c.Code.Replace(" ", "", StringComparison.Ordinal);
            var result = code.Length == 6 && code.All(char.IsAsciiDigit)
                ? await signIn.TwoFactorAuthenticatorSignInAsync(code, c.RememberMe, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
            return result.Succeeded ? new(SignInWithPassword.Outcome.SignedIn, person.PreferredLanguage) : new(SignInWithPassword.Outcome.Failed);
        }
    }
}
