using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace Consultation.Web.Live;

/// <summary>
/// A token bucket per connection for hub method calls: a page joins a thread or two, so a burst allows normal use
/// and a client calling in a loop is refused (HubException) without touching the database.
/// </summary>
public sealed class HubRateLimit : IHubFilter
{
    const int Burst = 10;
    static readonly TimeSpan Refill = TimeSpan.FromSeconds(1);
    static readonly object Key = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var bucket = (RateLimiter)invocation.Context.Items[Key]!;
        using var lease = bucket.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw new HubException("Too many calls; slow down.");
        }
        return await next(invocation);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        context.Context.Items[Key] = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = Refill,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        return next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.Remove(Key, out var bucket))
        {
            await ((RateLimiter)bucket!).DisposeAsync();
        }
        await next(context, exception);
    }
}
