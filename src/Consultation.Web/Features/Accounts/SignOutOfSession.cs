using Consultation.Web.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Consultation.Web.Features.Accounts;

/// <summary>Ends the cookie session (the layout's "Sign out" button posts here).</summary>
public static class SignOutOfSession
{
    public sealed record Command : ICommand;

    public sealed class Handler(SignInManager<ApplicationUser> signIn) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await signIn.SignOutAsync();
            return Unit.Value;
        }
    }
}
