using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// "Forgot password": emails a reset link. The answer is the same whether or not the address has an account; an
/// account whose address was never confirmed gets a new confirmation link instead, since it cannot sign in yet.
/// </summary>
public static class RequestPasswordReset
{
    public sealed record Command(string Email) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).ValidEmail();
    }

    public sealed class Handler(UserManager<ApplicationUser> users, Db db, PublicLinks links, IStringLocalizer<AccountText> text)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            if (await users.FindByEmailAsync(c.Email) is { } person)
            {
                db.AfterCommit(person.EmailConfirmed
                    ? AccountEmails.ResetPassword(text, links, person.Email!, person.Id, await users.GeneratePasswordResetTokenAsync(person))
                    : AccountEmails.ConfirmAddress(text, links, person.Email!, person.Id, await users.GenerateEmailConfirmationTokenAsync(person)));
            }
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder account) =>
        account.MapAcceptedPost<Command>("/password-reset")
            .RequireRateLimiting(RateLimits.PasswordReset)
            .WithName("RequestPasswordReset")
            .WithSummary("Emails a password reset link if the address has an account; the answer is the same either way.");
}
