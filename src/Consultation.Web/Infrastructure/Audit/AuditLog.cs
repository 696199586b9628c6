using System.Text.Json;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;

namespace Consultation.Web.Infrastructure.Audit;

/// <summary>
/// Appends to the audit log inside the calling command's transaction, so an entry exists exactly when the change does.
/// The table refuses updates and deletes (triggers in db/), and never holds ballot contents.
/// </summary>
public sealed class AuditLog(Db db, Caller caller, TimeProvider clock)
{
    const string Insert = """
        INSERT INTO audit_log (id, at, actor_user_id, action, object_type, object_id, details)
        VALUES (@Id, @At, @ActorUserId, @Action, @ObjectType, @ObjectId, @Details)
        """;

    public Task RecordAsync(string action, string objectType, Guid objectId, object? details, CancellationToken ct) =>
        db.ExecuteAsync(Insert, new
        {
            Id = Guid.CreateVersion7(),
            At = clock.GetUtcNow(),
            ActorUserId = caller.UserId,
            Action = action,
            ObjectType = objectType,
            ObjectId = objectId,
            Details = details is null ? null : JsonSerializer.Serialize(details),
        }, ct);
}
