using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Accounts;

/// <summary>What the account page shows the signed-in person about themselves.</summary>
public static class GetMyAccount
{
    public sealed record Query : IQuery<Result>, ISignedInRequest;

    public sealed record Result
    {
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string PreferredLanguage { get; init; } = "";
        public bool TwoFactorEnabled { get; init; }

        /// <summary>Admins and network organisers cannot act without two-factor sign-in.</summary>
        public bool NeedsTwoFactor { get; init; }
    }

    public sealed class Handler(Db db, Caller caller) : IQueryHandler<Query, Result>
    {
        const string Sql = """
            SELECT u."Email" AS Email, u."DisplayName" AS DisplayName, u."PreferredLanguage" AS PreferredLanguage,
                   u."TwoFactorEnabled" AS TwoFactorEnabled,
                   (EXISTS (SELECT 1 FROM network_organiser n WHERE n.user_id = u."Id")
                    OR EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                               WHERE ur."UserId" = u."Id" AND r."NormalizedName" = 'ADMIN')) AS NeedsTwoFactor
            FROM "AspNetUsers" u WHERE u."Id" = @UserId
            """;

        public async ValueTask<Result> Handle(Query query, CancellationToken ct) =>
            await db.QuerySingleOrDefaultAsync<Result>(Sql, new { UserId = caller.RequiredUserId }, ct)
            ?? throw new NotFoundException("Your account");
    }
}
