namespace Consultation.Benchmarks.ReadLoad;

/// <summary>
/// Every measured request's latency, kept whole so percentiles are exact (nearest rank over the sorted values).
/// One log per reader, merged at the end, so readers never contend for a lock while measuring.
/// </summary>
public sealed class LatencyLog
{
    readonly Dictionary<string, List<double>> latencies = [];
    readonly Dictionary<string, Dictionary<string, int>> errors = [];

    public void Record(string scenario, double milliseconds) => ListFor(latencies, scenario).Add(milliseconds);

    /// <summary>A non-2xx answer by its status code, or a failed request by its exception's name.</summary>
    public void RecordError(string scenario, string reason, int count = 1)
    {
        if (!errors.TryGetValue(scenario, out var reasons))
        {
            errors[scenario] = reasons = [];
        }
        reasons[reason] = reasons.GetValueOrDefault(reason) + count;
    }

    public static LatencyLog Merge(IEnumerable<LatencyLog> logs)
    {
        var merged = new LatencyLog();
        foreach (var log in logs)
        {
            foreach (var (scenario, values) in log.latencies)
            {
                ListFor(merged.latencies, scenario).AddRange(values);
            }
            foreach (var (scenario, reasons) in log.errors)
            {
                foreach (var (reason, count) in reasons)
                {
                    merged.RecordError(scenario, reason, count);
                }
            }
        }
        return merged;
    }

    /// <summary>One row per scenario in the order given, then the overall row.</summary>
    public IReadOnlyList<ScenarioStatistics> Summarise(IEnumerable<string> scenarios, double seconds)
    {
        var rows = scenarios.Select(s => Statistics(s, latencies.GetValueOrDefault(s) ?? [], errors.GetValueOrDefault(s) ?? [], seconds)).ToList();
        var everyError = errors.Values.SelectMany(r => r).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        rows.Add(Statistics("overall", [.. latencies.Values.SelectMany(v => v)], everyError, seconds));
        return rows;
    }

    static ScenarioStatistics Statistics(string scenario, List<double> values, Dictionary<string, int> reasons, double seconds)
    {
        var sorted = values.Order().ToArray();
        var errorCount = reasons.Values.Sum();
        return new ScenarioStatistics(
            scenario,
            sorted.Length + errorCount,
            errorCount,
            reasons,
            (sorted.Length + errorCount) / seconds,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            Percentile(sorted, 0.99),
            sorted.Length == 0 ? 0 : sorted[^1]);
    }

    static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    static List<double> ListFor(Dictionary<string, List<double>> lists, string scenario)
    {
        if (!lists.TryGetValue(scenario, out var list))
        {
            lists[scenario] = list = [];
        }
        return list;
    }
}

/// <summary>Latency percentiles are over the successful (2xx) requests; requests and throughput count errors too.</summary>
public sealed record ScenarioStatistics(
    string Scenario,
    int Requests,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorsByReason,
    double RequestsPerSecond,
    double P50Milliseconds,
    double P95Milliseconds,
    double P99Milliseconds,
    double MaxMilliseconds);
