using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// Uses the one-time link printed at start-up (see IssueFirstAdminToken): the signed-in person becomes platform admin
/// and the token is gone. The role is created on first use. Audited.
/// </summary>
public static class BecomeAdmin
{
    public sealed record Command(string Token) : ICommand<Result>, ISignedInRequest;

    public enum Result { Granted, InvalidToken }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(200);
    }

    public sealed class Handler(Db db, Caller caller, AuditLog audit) : ICommandHandler<Command, Result>
    {
        // Deleting the row is what makes the token single-use, even for two requests at once.
        const string ConsumeSql = "DELETE FROM admin_bootstrap_token WHERE token_hash = @TokenHash";
        const string GrantSql = """
            INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp")
            SELECT @RoleId, @Role, @NormalizedRole, @Stamp
            WHERE NOT EXISTS (SELECT 1 FROM "AspNetRoles" WHERE "NormalizedName" = @NormalizedRole);
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
            SELECT @UserId, "Id" FROM "AspNetRoles" WHERE "NormalizedName" = @NormalizedRole
            ON CONFLICT DO NOTHING;
            """;

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var userId = caller.RequiredUserId;
            if (await db.ExecuteAsync(ConsumeSql, new { TokenHash = IssueFirstAdminToken.Hash(c.Token) }, ct) != 1)
            {
                return Result.InvalidToken;
            }
            await db.ExecuteAsync(GrantSql, new
            {
                RoleId = Guid.CreateVersion7(),
                Role = AccessRules.AdminRole,
                NormalizedRole = AccessRules.AdminRole.ToUpperInvariant(),
                Stamp = Guid.NewGuid().ToString(),
                UserId = userId,
            }, ct);
            await audit.RecordAsync("platform-admin.granted", "person", userId, new { via = "first-admin link" }, ct);
            return Result.Granted;
        }
    }
}
