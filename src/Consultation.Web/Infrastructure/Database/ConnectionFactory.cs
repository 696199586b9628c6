using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Consultation.Web.Infrastructure.Database;

/// <summary>Opens connections for the configured provider with the settings every connection needs.</summary>
public sealed class ConnectionFactory
{
    public ConnectionFactory(IOptions<DatabaseOptions> options)
    {
        Dialect = options.Value.Provider;
        ConnectionString = Dialect == Dialect.Sqlite
            ? SqliteSettings(options.Value.ConnectionString)
            : options.Value.ConnectionString;
    }

    public Dialect Dialect { get; }

    public string ConnectionString { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = Dialect == Dialect.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    // Foreign keys are off by default in SQLite; the timeout doubles as the busy timeout while another writer commits.
    static string SqliteSettings(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 30 };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(directory);
        }
        return builder.ToString();
    }
}
