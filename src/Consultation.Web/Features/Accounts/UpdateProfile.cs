using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Accounts;

/// <summary>Changes the name other people see (a pseudonym is fine) and the language the interface uses.</summary>
public static class UpdateProfile
{
    public sealed record Command(string DisplayName, string PreferredLanguage) : ICommand, ISignedInRequest;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisplayName).DisplayName();
            RuleFor(c => c.PreferredLanguage).Language();
        }
    }

    public sealed class Handler(Db db, Caller caller) : ICommandHandler<Command>
    {
        // A new concurrency stamp, since Identity's EF store guards its own updates with it.
        const string Sql = """
            UPDATE "AspNetUsers" SET "DisplayName" = @DisplayName, "PreferredLanguage" = @PreferredLanguage, "ConcurrencyStamp" = @Stamp
            WHERE "Id" = @UserId
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await db.ExecuteAsync(Sql, new
            {
                DisplayName = c.DisplayName.Trim(),
                c.PreferredLanguage,
                Stamp = Guid.NewGuid().ToString(),
                UserId = caller.RequiredUserId,
            }, ct);
            return Unit.Value;
        }
    }
}
