using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests.Infrastructure;

/// <summary>db/ owns the schema; Identity and OpenIddict read it through EF Core, so both must agree.</summary>
public sealed class SchemaTests(TestApps apps)
{
    [Theory, BothEngines]
    public async Task Ef_core_model_matches_the_tables_the_scripts_create(Engine engine)
    {
        var app = apps.For(engine);
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        var db = scope.ServiceProvider.GetRequiredService<Db>();
        var mismatches = new List<string>();

        foreach (var entity in store.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = (await db.QueryAsync<DbColumn>(ColumnsSql(db.Dialect), new { Table = table }, TestContext.Current.CancellationToken))
                .ToDictionary(c => c.Name);
            if (columns.Count == 0)
            {
                mismatches.Add($"table {table} is missing");
                continue;
            }
            var identifier = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, null);
            foreach (var property in entity.GetProperties())
            {
                var name = property.GetColumnName(identifier)!;
                if (!columns.TryGetValue(name, out var column))
                {
                    mismatches.Add($"{table}.{name} is missing");
                }
                else if (column.Nullable != property.IsColumnNullable(identifier))
                {
                    mismatches.Add($"{table}.{name}: nullable is {column.Nullable} in db/, {property.IsColumnNullable(identifier)} in EF Core");
                }
                else if (!SameType(property.GetColumnType(identifier), column))
                {
                    mismatches.Add($"{table}.{name}: {column.Type} in db/, {property.GetColumnType(identifier)} in EF Core");
                }
            }
            mismatches.AddRange(columns.Keys
                .Except(entity.GetProperties().Select(p => p.GetColumnName(identifier)!))
                .Select(extra => $"{table}.{extra} is not in the EF Core model"));
        }

        mismatches.ShouldBeEmpty();
    }

    static bool SameType(string efType, DbColumn column) =>
        string.Equals(efType, column.Type, StringComparison.OrdinalIgnoreCase);

    static string ColumnsSql(Dialect dialect) => dialect == Dialect.Sqlite
        ? """SELECT name AS Name, type AS Type, "notnull" = 0 AS Nullable FROM pragma_table_info(@Table)"""
        : """
          SELECT column_name AS Name,
                 CASE WHEN character_maximum_length IS NOT NULL THEN data_type || '(' || character_maximum_length || ')'
                      ELSE data_type END AS Type,
                 is_nullable = 'YES' AS Nullable
          FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @Table
          """;

    // Init properties, not a positional record: SQLite hands back booleans as Int64, which Dapper converts only for properties.
    sealed record DbColumn
    {
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public bool Nullable { get; init; }
    }
}
