[assembly: AssemblyFixture(typeof(Consultation.Web.Tests.Support.TestApps))]

namespace Consultation.Web.Tests.Support;

/// <summary>One running platform per engine for the whole test assembly, started on first use.</summary>
public sealed class TestApps : IAsyncDisposable
{
    readonly Dictionary<Engine, Lazy<TestApp>> apps = new()
    {
        [Engine.Sqlite] = new(() => new TestApp(Engine.Sqlite)),
        [Engine.Postgres] = new(() => new TestApp(Engine.Postgres)),
    };

    public TestApp For(Engine engine) => apps[engine].Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps.Values.Where(a => a.IsValueCreated))
        {
            await app.Value.DisposeAsync();
        }
    }
}
