using System.Data.Common;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Infrastructure;

/// <summary>The audit log is append-only in the database itself (triggers in db/*/0002), not just by convention.</summary>
public sealed class AuditLogAppendOnlyTests(TestApps apps)
{
    [Theory, BothEngines]
    public async Task The_table_refuses_updates_and_deletes(Engine engine)
    {
        var app = apps.For(engine);
        var id = Guid.CreateVersion7();
        await app.ExecuteSqlAsync("""
            INSERT INTO audit_log (id, at, actor_user_id, action, object_type, object_id, details)
            VALUES (@Id, @At, NULL, 'test.entry', 'test', @Id, NULL)
            """, new { Id = id, At = app.Clock.GetUtcNow() });

        var update = await Should.ThrowAsync<DbException>(() =>
            app.ExecuteSqlAsync("UPDATE audit_log SET action = 'test.tampered' WHERE id = @Id", new { Id = id }));
        var delete = await Should.ThrowAsync<DbException>(() =>
            app.ExecuteSqlAsync("DELETE FROM audit_log WHERE id = @Id", new { Id = id }));

        update.Message.ShouldContain("append-only");
        delete.Message.ShouldContain("append-only");
        (await app.ScalarAsync<string>("SELECT action FROM audit_log WHERE id = @Id", new { Id = id })).ShouldBe("test.entry");
    }
}
