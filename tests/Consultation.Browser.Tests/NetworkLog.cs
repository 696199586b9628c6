using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Consultation.Browser.Tests;

/// <summary>
/// The latest requests of one browser context, with when each started and how it ended, so that a step that times
/// out can say which request (if any) was still pending. Diagnostics only: nothing asserts on it.
/// </summary>
public sealed class NetworkLog
{
    const int Kept = 40;
    static readonly ConditionalWeakTable<IBrowserContext, NetworkLog> Logs = [];
    readonly ConcurrentQueue<string> entries = new();
    readonly ConcurrentDictionary<IRequest, long> pending = new();
    readonly Stopwatch clock = Stopwatch.StartNew();

    public static void Attach(IBrowserContext context)
    {
        var log = Logs.GetValue(context, _ => new NetworkLog());
        context.Request += (_, request) => log.Started(request);
        context.RequestFinished += (_, request) => log.Ended(request, $"{request.Method} {request.Url} finished");
        context.RequestFailed += (_, request) => log.Ended(request, $"{request.Method} {request.Url} failed: {request.Failure}");
    }

    /// <summary>The log of the page's context: the latest requests and those still pending.</summary>
    public static string Of(IPage page)
    {
        if (!Logs.TryGetValue(page.Context, out var log))
        {
            return "(no network log for this context)";
        }
        var now = log.clock.ElapsedMilliseconds;
        var stillPending = log.pending.Select(p => $"  {p.Key.Method} {p.Key.Url}, pending for {now - p.Value} ms").ToList();
        return $"network log (ms since the context opened, now {now}):\n{string.Join("\n", log.entries)}\n"
            + $"still pending: {(stillPending.Count == 0 ? "none" : "\n" + string.Join("\n", stillPending))}";
    }

    void Started(IRequest request)
    {
        pending[request] = clock.ElapsedMilliseconds;
        Add($"{request.Method} {request.Url} started{(request.IsNavigationRequest ? " (navigation)" : "")}");
    }

    void Ended(IRequest request, string entry)
    {
        pending.TryRemove(request, out _);
        Add(entry);
    }

    void Add(string entry)
    {
        entries.Enqueue($"  {clock.ElapsedMilliseconds,7} {entry}");
        while (entries.Count > Kept && entries.TryDequeue(out _))
        {
        }
    }
}
