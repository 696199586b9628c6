using System.Data.Common;
using System.Text;

namespace Consultation.Web.Infrastructure.Seeding;

/// <summary>
/// Buffers rows for one table and writes them as multi-row INSERT statements (hundreds of rows per round trip), the
/// fastest portable way to load both SQLite and PostgreSQL. The statement for a full batch is built once and reused.
/// </summary>
public sealed class BatchInserter(DbConnection connection, string table, params string[] columns)
{
    // Drivers look parameters up by name, so very wide statements cost more than they save: a few hundred values each.
    readonly int rowsPerStatement = Math.Max(1, 900 / columns.Length);
    readonly List<object?[]> buffer = [];
    readonly List<BatchInserter> parents = [];
    DbCommand? fullBatch;

    /// <summary>Rows here reference rows of <paramref name="parent"/>: its buffer is written first, so foreign keys hold.</summary>
    public void After(BatchInserter parent) => parents.Add(parent);

    public DbTransaction? Transaction { get; set; }

    public long Written { get; private set; }

    public async Task AddAsync(CancellationToken ct, params object?[] values)
    {
        buffer.Add(values);
        if (buffer.Count == rowsPerStatement)
        {
            fullBatch ??= Command(rowsPerStatement);
            await ExecuteAsync(fullBatch, ct);
        }
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (buffer.Count > 0)
        {
            await using var rest = Command(buffer.Count);
            await ExecuteAsync(rest, ct);
        }
    }

    async Task ExecuteAsync(DbCommand command, CancellationToken ct)
    {
        foreach (var parent in parents)
        {
            await parent.FlushAsync(ct);
        }
        command.Transaction = Transaction;
        var p = 0;
        foreach (var row in buffer)
        {
            foreach (var value in row)
            {
                command.Parameters[p++].Value = value ?? DBNull.Value;
            }
        }
        await command.ExecuteNonQueryAsync(ct);
        Written += buffer.Count;
        buffer.Clear();
    }

    DbCommand Command(int rows)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        var command = connection.CreateCommand();
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }
}
