using System.Data.Common;
using Dapper;
using Mediator;

namespace Consultation.Web.Infrastructure.Database;

/// <summary>
/// The request's unit of work: one connection, opened on first use. While a command runs
/// (<see cref="Pipeline.TransactionBehaviour{TMessage,TResponse}"/>), the first statement begins a write transaction
/// (BEGIN IMMEDIATE on SQLite) so that a command either writes everything or nothing, and notifications queued with
/// <see cref="AfterCommit"/> are published only once that transaction is durable.
/// </summary>
public sealed class Db(ConnectionFactory factory) : IAsyncDisposable
{
    DbConnection? connection;
    DbTransaction? transaction;
    bool writing;
    readonly List<INotification> afterCommit = [];

    public Dialect Dialect => factory.Dialect;

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken ct) =>
        (await (await ConnectionAsync(ct)).QueryAsync<T>(Command(sql, parameters, ct))).AsList();

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken ct) =>
        await (await ConnectionAsync(ct)).QuerySingleOrDefaultAsync<T>(Command(sql, parameters, ct));

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken ct) =>
        DapperTypeHandlers.ConvertScalar<T>(await (await ConnectionAsync(ct)).ExecuteScalarAsync(Command(sql, parameters, ct)));

    public async Task<bool> ExistsAsync(string sql, object? parameters, CancellationToken ct) =>
        await (await ConnectionAsync(ct)).ExecuteScalarAsync(Command(sql, parameters, ct)) is not null;

    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken ct) =>
        await (await ConnectionAsync(ct)).ExecuteAsync(Command(sql, parameters, ct));

    /// <summary>Several result sets in one round trip (for pages that show an object with its lists).</summary>
    public async Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? parameters, CancellationToken ct) =>
        await (await ConnectionAsync(ct)).QueryMultipleAsync(Command(sql, parameters, ct));

    /// <summary>Queues a notification to publish after the command's transaction commits (never if it rolls back).</summary>
    public void AfterCommit(INotification notification)
    {
        if (!writing)
        {
            throw new InvalidOperationException("Notifications are queued only while a command runs.");
        }
        afterCommit.Add(notification);
    }

    internal void BeginCommand() => writing = true;

    internal async Task<IReadOnlyList<INotification>> CommitAsync(CancellationToken ct)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
            await transaction.DisposeAsync();
            transaction = null;
        }
        writing = false;
        var published = afterCommit.ToArray();
        afterCommit.Clear();
        return published;
    }

    internal async Task RollbackAsync()
    {
        if (transaction is not null)
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            transaction = null;
        }
        writing = false;
        afterCommit.Clear();
    }

    CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, transaction, cancellationToken: ct);

    async Task<DbConnection> ConnectionAsync(CancellationToken ct)
    {
        connection ??= await factory.OpenAsync(ct);
        if (writing && transaction is null)
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE (takes the write lock now, not at the first write) unless deferred.
            transaction = await connection.BeginTransactionAsync(ct);
        }
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
