using Consultation.Web.Infrastructure.Identity;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// Password sign-in with the Identity cookie. Unknown, unconfirmed and locked-out addresses all get the same
/// answer as a wrong password, so the form never reveals who has an account. Five failures lock for 15 minutes.
/// </summary>
public static class SignInWithPassword
{
    public sealed record Command(string Email, string Password, bool RememberMe) : ICommand<Result>;

    public enum Outcome { SignedIn, TwoFactorRequired, Failed }

    /// <summary>The preferred language is known once signed in, for the culture cookie.</summary>
    public sealed record Result(Outcome Outcome, string? PreferredLanguage = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
            RuleFor(c => c.Password).NotEmpty().MaximumLength(200);
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var person = await users.FindByEmailAsync(c.Email);
            if (person is null)
            {
                // Hash anyway, so that an unknown address takes as long to refuse as a wrong password.
                users.PasswordHasher.HashPassword(new ApplicationUser(), c.Password);
                return new(Outcome.Failed);
            }
            var result = await signIn.PasswordSignInAsync(person, c.Password, c.RememberMe, lockoutOnFailure: true);
            return result.Succeeded ? new(Outcome.SignedIn, person.PreferredLanguage)
                : result.RequiresTwoFactor ? new(Outcome.TwoFactorRequired)
                : new(Outcome.Failed);
        }
    }
}
