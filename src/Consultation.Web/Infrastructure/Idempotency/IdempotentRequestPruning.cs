using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Housekeeping;

namespace Consultation.Web.Infrastructure.Idempotency;

/// <summary>Forgets kept answers after a day: retries come within minutes, and keys are not meant to be reused.</summary>
public sealed class IdempotentRequestPruning(Db db, TimeProvider clock) : IHousekeepingTask
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public Task RunAsync(CancellationToken ct) =>
        db.ExecuteAsync("DELETE FROM idempotent_request WHERE created_at < @Before", new { Before = clock.GetUtcNow() - KeptFor }, ct);
}
