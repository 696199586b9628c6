using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// Turns two-factor sign-in off and forgets the authenticator key, so turning it on again starts with a new key.
/// Organiser and admin actions are refused until it is on again.
/// </summary>
public static class DisableTwoFactor
{
    public sealed record Command : ICommand, ISignedInRequest;

    public sealed class Handler(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, Caller caller) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            var person = await users.SignedInPersonAsync(caller);
            await users.SetTwoFactorEnabledAsync(person, false);
            await users.ResetAuthenticatorKeyAsync(person);
            await signIn.RefreshSignInAsync(person);
            return Unit.Value;
        }
    }
}
