using System.Security.Cryptography;
using System.Text;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using Mediator;

namespace Consultation.Web.Features.Accounts;

/// <summary>
/// While nobody is platform admin, start-up prints one line with a one-time link that makes whoever opens it (signed
/// in) the first admin. Only the newest link works: each start replaces the unused token, and only its hash is kept.
/// Not reachable over HTTP: whoever can read the server's console already controls the platform.
/// </summary>
public static class IssueFirstAdminToken
{
    /// <summary>The link, or null when someone is admin already.</summary>
    public sealed record Command : ICommand<string?>;

    public sealed class Handler(Db db, PublicLinks links, TimeProvider clock) : ICommandHandler<Command, string?>
    {
        const string AnyAdminSql = """
            SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE r."NormalizedName" = 'ADMIN'
            """;
        const string ReplaceSql = """
            DELETE FROM admin_bootstrap_token;
            INSERT INTO admin_bootstrap_token (token_hash, created_at) VALUES (@TokenHash, @Now);
            """;

        public async ValueTask<string?> Handle(Command c, CancellationToken ct)
        {
            if (await db.ExistsAsync(AnyAdminSql, null, ct))
            {
                return null;
            }
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            await db.ExecuteAsync(ReplaceSql, new { TokenHash = Hash(token), Now = clock.GetUtcNow() }, ct);
            return links.To($"/Accounts/BecomeAdmin?token={token}");
        }
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The start-up step (Program.cs): prints exactly one line to the console while nobody is admin.</summary>
    public static async Task OfferFirstAdminLinkAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Command()) is { } link)
        {
            Console.WriteLine($"Create the first platform admin: {link}");
        }
    }
}
