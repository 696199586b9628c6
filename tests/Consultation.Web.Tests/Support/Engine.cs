using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Consultation.Web.Tests.Support;

public enum Engine { Sqlite, Postgres }

/// <summary>
/// Runs a theory once per database engine: always on SQLite, and on PostgreSQL when CONSULTATION_TEST_POSTGRES holds
/// a connection string to a server where the tests may create databases (skipped with that reason otherwise).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothEnginesAttribute : DataAttribute
{
    public const string PostgresVariable = "CONSULTATION_TEST_POSTGRES";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new(
        [
            new TheoryDataRow<Engine>(Engine.Sqlite) { TestDisplayName = $"{testMethod.Name}(Sqlite)" },
            new TheoryDataRow<Engine>(Engine.Postgres)
            {
                TestDisplayName = $"{testMethod.Name}(Postgres)",
                Skip = PostgresConnectionString is null ? $"{PostgresVariable} is not set: no PostgreSQL server to test against" : null,
            },
        ]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
