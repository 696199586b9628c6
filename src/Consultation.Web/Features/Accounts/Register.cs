using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// Creates an account and emails a confirmation link. From outside, an address that already has an account looks
/// exactly like a new one (same answer, same work, an email either way): its owner is told someone tried instead.
/// </summary>
public static class Register
{
    public sealed record Command(string Email, string Password, string DisplayName, string PreferredLanguage) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).ValidEmail();
            RuleFor(c => c.Password).NewPassword();
            RuleFor(c => c.DisplayName).DisplayName();
            RuleFor(c => c.PreferredLanguage).Language();
        }
    }

    public sealed class Handler(
        UserManager<ApplicationUser> users, Db db, PublicLinks links, IStringLocalizer<AccountText> text, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            var existing = await users.FindByEmailAsync(c.Email);
            if (existing is null)
            {
                // The user name is the id: Identity restricts user-name characters more than addresses allow.
                var person = new ApplicationUser
                {
                    Email = c.Email,
                    DisplayName = c.DisplayName.Trim(),
                    PreferredLanguage = c.PreferredLanguage,
                    CreatedAt = clock.GetUtcNow(),
                };
                person.UserName = person.Id.ToString("N");
                var created = await users.CreateAsync(person, c.Password);
                if (created.Succeeded)
                {
                    db.AfterCommit(AccountEmails.ConfirmAddress(text, links, c.Email, person.Id, await users.GenerateEmailConfirmationTokenAsync(person)));
                    return Unit.Value;
                }
                // Another request registered the same address a moment ago: treat it as the existing account below.
                existing = created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
                    ? await users.FindByEmailAsync(c.Email)
                    : throw AccountRules.InvalidPassword(nameof(Command.Password), created);
            }
            else
            {
                // Hash anyway, so that the answer takes as long as for a new account.
                users.PasswordHasher.HashPassword(existing, c.Password);
            }
            db.AfterCommit(existing!.EmailConfirmed
                ? AccountEmails.SomeoneTriedToRegister(text, links, existing.Email!)
                : AccountEmails.ConfirmAddress(text, links, existing.Email!, existing.Id, await users.GenerateEmailConfirmationTokenAsync(existing)));
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder account) =>
        account.MapAcceptedPost<Command>("/register")
            .RequireRateLimiting(RateLimits.Registration)
            .WithName("Register")
            .WithSummary("Creates an account and emails a confirmation link; the answer is the same for an address already registered.");
}
