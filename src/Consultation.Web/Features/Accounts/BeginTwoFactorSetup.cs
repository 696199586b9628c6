using System.Text;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// The two-factor page: while two-factor sign-in is off, makes sure the person has an authenticator key and shows
/// it (in groups of four, easy to type) with the otpauth:// link authenticator apps open. The key is kept until
/// setup succeeds, so reloading the page does not invalidate what the app already holds.
/// </summary>
public static class BeginTwoFactorSetup
{
    public sealed record Command : ICommand<Result>, ISignedInRequest;

    public sealed record Result(bool Enabled, string? SharedKey, string? AuthenticatorUri, int RecoveryCodesLeft);

    public sealed class Handler(UserManager<ApplicationUser> users, Caller caller) : ICommandHandler<Command, Result>
    {
        const string Issuer = "Consultation";

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var person = await users.SignedInPersonAsync(caller);
            if (person.TwoFactorEnabled)
            {
                return new(true, null, null, await users.CountRecoveryCodesAsync(person));
            }
            var key = await users.GetAuthenticatorKeyAsync(person);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(person);
                key = (await users.GetAuthenticatorKeyAsync(person))!;
            }
            // The app shows the display name, not the address: a phone may be looked at by others.
            var label = Uri.EscapeDataString($"{Issuer}:{person.DisplayName}");
            return new(false, InGroups(key), $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6", 0);
        }

        static string InGroups(string key)
        {
            var grouped = new StringBuilder();
            for (var i = 0; i < key.Length; i += 4)
            {
                grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
            }
            return grouped.ToString().TrimEnd().ToLowerInvariant();
        }
    }
}
