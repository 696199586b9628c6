using System.Reflection;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;

namespace Consultation.Web.Infrastructure.Database;

/// <summary>Runs the forward-only scripts of db/&lt;provider&gt; (embedded in this assembly) that have not run yet.</summary>
public sealed class DatabaseMigrator(ConnectionFactory factory, ILogger<DatabaseMigrator> logger)
{
    public void Migrate()
    {
        var folder = factory.Dialect == Dialect.Sqlite ? "db.sqlite." : "db.postgres.";
        var builder = factory.Dialect == Dialect.Sqlite
            ? DeployChanges.To.SqliteDatabase(factory.ConnectionString)
            : DeployChanges.To.PostgresqlDatabase(factory.ConnectionString);
        if (factory.Dialect == Dialect.Sqlite)
        {
            EnableWriteAheadLog();
        }

        var result = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(folder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new MigrationLog(logger))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
        }
    }

    // WAL lets readers go on while one writer commits; the setting is stored in the file, so once is enough.
    void EnableWriteAheadLog()
    {
        using var connection = new SqliteConnection(factory.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    sealed class MigrationLog(ILogger logger) : DbUp.Engine.Output.IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);

        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);

        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);

        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);

        public void LogError(string format, params object[] args) => logger.LogError(format, args);

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
