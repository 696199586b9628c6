namespace Consultation.Web.Infrastructure.Database;

public enum Dialect { Sqlite, Postgres }

/// <summary>Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public Dialect Provider { get; set; } = Dialect.Sqlite;

    /// <summary>Defaults to consultation.db in the data directory, so a fresh clone runs with no other service.</summary>
    public string ConnectionString { get; set; } = "";
}
