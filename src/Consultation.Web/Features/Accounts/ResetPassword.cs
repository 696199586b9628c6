using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// Sets a new password with the code from the reset email. Proving the address also lifts a lockout, so the owner
/// can sign in straight away with the password they just chose.
/// </summary>
public static class ResetPassword
{
    public sealed record Command(Guid UserId, string Code, string NewPassword) : ICommand<Result>;

    public enum Result { Reset, InvalidLink }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty();
            RuleFor(c => c.Code).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.NewPassword).NewPassword();
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            if (await users.FindByIdAsync(c.UserId.ToString()) is not { } person)
            {
                return Result.InvalidLink;
            }
            var reset = await users.ResetPasswordAsync(person, c.Code, c.NewPassword);
            if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return Result.InvalidLink;
            }
            if (!reset.Succeeded)
            {
                throw AccountRules.InvalidPassword(nameof(Command.NewPassword), reset);
            }
            await users.SetLockoutEndDateAsync(person, null);
            await users.ResetAccessFailedCountAsync(person);
            return Result.Reset;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder account) =>
        account.MapPost("/password-reset/complete", async (Command command, ISender sender, CancellationToken ct) =>
                await sender.Send(command, ct) == Result.Reset
                    ? Results.NoContent()
                    : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This reset link is not valid any more. Ask for a new one."))
            .RequireRateLimiting(RateLimits.PasswordReset)
            .WithName("ResetPassword")
            .WithSummary("Sets a new password with the code from the reset email.");
}
