using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Consultation.Web.Features.Accounts;

/// <summary>Replaces the recovery codes with ten new ones (the old ones stop working), shown this once.</summary>
public static class RegenerateRecoveryCodes
{
    public const int Count = 10;

    public sealed record Command : ICommand<IReadOnlyList<string>>, ISignedInRequest;

    public sealed class Handler(UserManager<ApplicationUser> users, Caller caller) : ICommandHandler<Command, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(Command c, CancellationToken ct)
        {
            var person = await users.SignedInPersonAsync(caller);
            if (!person.TwoFactorEnabled)
            {
                throw new AccessDeniedException("Turn on two-factor sign-in first.");
            }
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync(person, Count))!.ToList();
        }
    }
}
