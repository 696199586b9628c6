namespace Consultation.Web.Infrastructure.Housekeeping;

/// <summary>A clean-up that runs now and then, such as pruning expired tokens; it must be safe to run on every node.</summary>
public interface IHousekeepingTask
{
    Task RunAsync(CancellationToken ct);
}

/// <summary>
/// Runs every registered <see cref="IHousekeepingTask"/> shortly after start and then every hour, each in a scope of its
/// own; one failing task is logged and does not keep the others from running.
/// </summary>
public sealed class Housekeeping(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Housekeeping> logger) : BackgroundService
{
    static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(1);
    static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(FirstRunAfter, clock, stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await RunAllAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunAllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var task in scope.ServiceProvider.GetServices<IHousekeepingTask>())
        {
            try
            {
                await task.RunAsync(ct);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogError(failure, "Housekeeping task {Task} failed", task.GetType().Name);
            }
        }
    }
}
