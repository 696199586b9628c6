using System.Globalization;
using System.Text.Json;

namespace Consultation.Benchmarks.ReadLoad;

/// <summary>The outcome as a plain table (Markdown, so it can go into the README as it is) and, if asked, as JSON.</summary>
public static class ReadReport
{
    public static void WriteTable(ReadLoadRun.Outcome outcome, TextWriter output)
    {
        var o = outcome.Options;
        output.WriteLine(Invariant($"Read load: {o.Readers} readers against {o.BaseUrl}, {o.Duration.TotalSeconds:0} s measured after {o.WarmUp.TotalSeconds:0} s warm-up, think time {o.ThinkTime.TotalMilliseconds:0} ms, {outcome.SubmissionsKnown} submission ids discovered, seed {o.Seed}."));
        output.WriteLine();
        output.WriteLine("| scenario | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in outcome.Statistics)
        {
            output.WriteLine(Invariant($"| {s.Scenario} | {s.Requests} | {s.Errors} | {s.RequestsPerSecond:0.0} | {s.P50Milliseconds:0.0} | {s.P95Milliseconds:0.0} | {s.P99Milliseconds:0.0} | {s.MaxMilliseconds:0.0} |"));
        }
        if (outcome.ServerCpuSeconds is { } cpu)
        {
            var requests = outcome.Statistics[^1].Requests;
            output.WriteLine(Invariant($"server CPU while measured: {cpu:0.0} s in {o.Duration.TotalSeconds:0} s, {1000 * cpu / Math.Max(1, requests):0.00} ms per request"));
        }
        foreach (var s in outcome.Statistics.Where(s => s.Errors > 0 && s.Scenario != "overall"))
        {
            output.WriteLine(Invariant($"errors in {s.Scenario}: {string.Join(", ", s.ErrorsByReason.Select(e => $"{e.Key} x{e.Value}"))}"));
        }
    }

    public static void WriteJson(ReadLoadRun.Outcome outcome, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(outcome, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
