using Consultation.Web.Infrastructure.Identity;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Consultation.Web.Features.Accounts;

/// <summary>The link in the registration email: proves the person reads that address, so they may sign in.</summary>
public static class ConfirmEmail
{
    public sealed record Command(Guid UserId, string Code) : ICommand<Result>;

    public enum Result { Confirmed, InvalidLink }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty();
            RuleFor(c => c.Code).NotEmpty().MaximumLength(2000);
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command c, CancellationToken ct) =>
            await users.FindByIdAsync(c.UserId.ToString()) is { } person && (await users.ConfirmEmailAsync(person, c.Code)).Succeeded
                ? Result.Confirmed
                : Result.InvalidLink;
    }
}
