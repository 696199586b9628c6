using Consultation.Web.Infrastructure.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests.Support;

/// <summary>Arranges rows and checks what was written, straight in the app's database (the same Db the handlers use).</summary>
public static class Sql
{
    public static async Task<int> ExecuteSqlAsync(this TestApp app, string sql, object? parameters = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Db>().ExecuteAsync(sql, parameters, TestContext.Current.CancellationToken);
    }

    public static async Task<T?> ScalarAsync<T>(this TestApp app, string sql, object? parameters = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Db>().ExecuteScalarAsync<T>(sql, parameters, TestContext.Current.CancellationToken);
    }

    public static async Task<IReadOnlyList<T>> QuerySqlAsync<T>(this TestApp app, string sql, object? parameters = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Db>().QueryAsync<T>(sql, parameters, TestContext.Current.CancellationToken);
    }
}
