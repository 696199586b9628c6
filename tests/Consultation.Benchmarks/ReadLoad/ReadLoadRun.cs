using System.Diagnostics;
using System.Net;

namespace Consultation.Benchmarks.ReadLoad;

/// <param name="ServerProcessId">The platform's process on this machine, to report the CPU it used while measured.</param>
public sealed record ReadLoadOptions(
    Uri BaseUrl, int Readers, TimeSpan Duration, TimeSpan WarmUp, TimeSpan ThinkTime, int Seed, int PagesToSample, int? ServerProcessId);

/// <summary>
/// N virtual readers against a running platform over real HTTP. Each repeats: choose a visit, GET its pages one after
/// the other (reading every body to the end), wait the think time. Requests that start during the warm-up are not
/// measured; the run stops taking new visits when the measured period ends.
/// </summary>
public static class ReadLoadRun
{
    /// <param name="ServerCpuSeconds">CPU time the server process used during the measured period, when its id was given:
    /// on a machine shared with other work, CPU per request says more about the platform than latency does.</param>
    public sealed record Outcome(ReadLoadOptions Options, int SubmissionsKnown, IReadOnlyList<ScenarioStatistics> Statistics, double? ServerCpuSeconds);

    public static async Task<Outcome> RunAsync(ReadLoadOptions options, CancellationToken ct)
    {
        using var discovery = Browser(options.BaseUrl);
        var catalogue = await Catalogue.DiscoverAsync(discovery, options.PagesToSample, new Random(options.Seed), ct);
        var mix = new ReadMix(catalogue);
        var clock = Stopwatch.StartNew();
        var measureFrom = options.WarmUp;
        var stopAt = options.WarmUp + options.Duration;
        var readers = Enumerable.Range(0, options.Readers).Select(_ => Browser(options.BaseUrl)).ToList();
        try
        {
            var serverCpu = ServerCpuAsync(options, ct);
            var logs = await Task.WhenAll(readers.Select((http, reader) =>
                ReadAsync(http, mix, new Random(options.Seed + 1 + reader), clock, measureFrom, stopAt, options.ThinkTime, ct)));
            return new Outcome(options, catalogue.SubmissionIds.Count, LatencyLog.Merge(logs).Summarise(ReadMix.Scenarios, options.Duration.TotalSeconds),
                await serverCpu);
        }
        finally
        {
            readers.ForEach(http => http.Dispose());
        }
    }

    static async Task<double?> ServerCpuAsync(ReadLoadOptions options, CancellationToken ct)
    {
        if (options.ServerProcessId is not { } id)
        {
            return null;
        }
        using var server = Process.GetProcessById(id);
        await Task.Delay(options.WarmUp, ct);
        server.Refresh();
        var before = server.TotalProcessorTime;
        await Task.Delay(options.Duration, ct);
        server.Refresh();
        return (server.TotalProcessorTime - before).TotalSeconds;
    }

    /// <summary>Each reader is a browser of its own: one kept-alive connection, its own cookies, no redirects followed.</summary>
    static HttpClient Browser(Uri baseUrl) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
        })
        { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    static async Task<LatencyLog> ReadAsync(
        HttpClient http, ReadMix mix, Random random, Stopwatch clock, TimeSpan measureFrom, TimeSpan stopAt, TimeSpan thinkTime, CancellationToken ct)
    {
        var log = new LatencyLog();
        while (clock.Elapsed < stopAt && !ct.IsCancellationRequested)
        {
            foreach (var request in mix.NextVisit(random))
            {
                var started = clock.Elapsed;
                var failure = await GetAsync(http, request.Path, ct);
                if (started < measureFrom || started >= stopAt)
                {
                    continue;
                }
                if (failure is null)
                {
                    log.Record(request.Scenario, (clock.Elapsed - started).TotalMilliseconds);
                }
                else
                {
                    log.RecordError(request.Scenario, failure);
                }
            }
            if (thinkTime > TimeSpan.Zero)
            {
                // Spread around the mean so readers do not march in step.
                await Task.Delay(thinkTime * (0.5 + random.NextDouble()), ct);
            }
        }
        return log;
    }

    /// <summary>Null on a 2xx answer read to the end; else the status code or the exception's name.</summary>
    static async Task<string?> GetAsync(HttpClient http, string path, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
            return response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return e.GetType().Name;
        }
    }
}
