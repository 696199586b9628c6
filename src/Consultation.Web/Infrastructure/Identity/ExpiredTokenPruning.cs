using Consultation.Web.Infrastructure.Housekeeping;
using OpenIddict.Abstractions;

namespace Consultation.Web.Infrastructure.Identity;

/// <summary>
/// Deletes OpenIddict tokens and authorizations that can no longer be used (expired, redeemed, revoked) once they are
/// two weeks old: kept that long, a replayed refresh token is still recognised and its whole chain revoked.
/// </summary>
public sealed class ExpiredTokenPruning(
    IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider clock, ILogger<ExpiredTokenPruning> logger)
    : IHousekeepingTask
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(14);

    public async Task RunAsync(CancellationToken ct)
    {
        var threshold = clock.GetUtcNow() - KeptFor;
        var prunedTokens = await tokens.PruneAsync(threshold, ct);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, ct);
        logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations", prunedTokens, prunedAuthorizations);
    }
}
