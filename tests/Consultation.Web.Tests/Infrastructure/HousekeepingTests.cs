using Consultation.Web.Features.Reports;
using Consultation.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;

namespace Consultation.Web.Tests.Infrastructure;

/// <summary>The hourly clean-up: what can no longer be used goes, what can still be used stays.</summary>
public sealed class HousekeepingTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task Tokens_are_pruned_two_weeks_after_they_became_unusable_and_usable_ones_are_kept(Engine engine)
    {
        var app = apps.For(engine);
        var now = DateTimeOffset.UtcNow;
        var expiredLongAgo = await CreateTokenAsync(app, created: now.AddDays(-30), expires: now.AddDays(-16));
        var expiredYesterday = await CreateTokenAsync(app, created: now.AddDays(-2), expires: now.AddDays(-1));
        var oldButValid = await CreateTokenAsync(app, created: now.AddDays(-30), expires: now.AddDays(30));

        await RunHousekeepingAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        (await tokens.FindByIdAsync(expiredLongAgo, Ct)).ShouldBeNull();
        (await tokens.FindByIdAsync(expiredYesterday, Ct)).ShouldNotBeNull("kept two weeks, so that a replay is recognised");
        (await tokens.FindByIdAsync(oldButValid, Ct)).ShouldNotBeNull();
    }

    [Theory, BothEngines]
    public async Task Report_downloads_built_more_than_a_day_ago_are_deleted_with_their_files(Engine engine)
    {
        var app = apps.For(engine);
        var organisation = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        var consultation = await app.CreateConsultationRowAsync(organisation);
        var now = app.Clock.GetUtcNow();
        var old = await CreateFinishedJobAsync(app, consultation, finished: now.AddDays(-2));
        var recent = await CreateFinishedJobAsync(app, consultation, finished: now.AddHours(-1));

        await RunHousekeepingAsync(app);

        File.Exists(old.File).ShouldBeFalse();
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM report_job WHERE id = @Id", new { old.Id })).ShouldBe(0);
        File.Exists(recent.File).ShouldBeTrue();
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM report_job WHERE id = @Id", new { recent.Id })).ShouldBe(1);
    }

    static Task RunHousekeepingAsync(TestApp app) =>
        app.Services.GetServices<IHostedService>().OfType<Web.Infrastructure.Housekeeping.Housekeeping>().Single().RunAllAsync(Ct);

    static async Task<string> CreateTokenAsync(TestApp app, DateTimeOffset created, DateTimeOffset expires)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var token = await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            CreationDate = created,
            ExpirationDate = expires,
            Status = OpenIddictConstants.Statuses.Valid,
            Subject = Guid.NewGuid().ToString(),
            Type = OpenIddictConstants.TokenTypeHints.RefreshToken,
        }, Ct);
        return (await tokens.GetIdAsync(token, Ct))!;
    }

    static async Task<(Guid Id, string File)> CreateFinishedJobAsync(TestApp app, Guid consultationId, DateTimeOffset finished)
    {
        var id = Guid.CreateVersion7();
        await app.ExecuteSqlAsync("""
            INSERT INTO report_job (id, consultation_id, format, status, done, total, created_at, finished_at)
            VALUES (@Id, @ConsultationId, 'csv', 'done', 1, 1, @Finished, @Finished)
            """, new { Id = id, ConsultationId = consultationId, Finished = finished });
        var file = app.Services.GetRequiredService<ReportFiles>().PathFor(id, "csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "title\n", Ct);
        return (id, file);
    }
}
