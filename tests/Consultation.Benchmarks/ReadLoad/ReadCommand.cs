using System.CommandLine;

namespace Consultation.Benchmarks.ReadLoad;

/// <summary>
/// <c>read [--base-url URL] [--readers N] [--duration S] [--warmup S] [--think-ms MS] [--seed N] [--sample-pages N] [--server-pid PID] [--json FILE]</c>:
/// the read benchmark against a running platform. Exit code 0 when every measured request succeeded, 1 otherwise.
/// </summary>
public static class ReadCommand
{
    public const string Name = "read";

    public static Task<int> RunAsync(string[] args)
    {
        var baseUrl = new Option<string>("--base-url") { Description = "The running platform", DefaultValueFactory = _ => "http://localhost:5080" };
        var readers = new Option<int>("--readers") { Description = "Concurrent virtual readers", DefaultValueFactory = _ => 50 };
        var duration = new Option<int>("--duration") { Description = "Measured seconds", DefaultValueFactory = _ => 60 };
        var warmUp = new Option<int>("--warmup") { Description = "Seconds of load before measuring", DefaultValueFactory = _ => 10 };
        var think = new Option<int>("--think-ms") { Description = "Mean pause between a reader's visits (0: none, the server's capacity)", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the readers' choices", DefaultValueFactory = _ => 1 };
        var samplePages = new Option<int>("--sample-pages") { Description = "Listing pages read to discover submission ids", DefaultValueFactory = _ => 50 };
        var serverPid = new Option<int?>("--server-pid") { Description = "Process id of the platform, if on this machine: report its CPU time" };
        var json = new Option<string?>("--json") { Description = "Also write the results to this JSON file" };
        var command = new RootCommand("Read benchmark: concurrent readers listing, filtering, searching and reading submissions and threads")
        {
            baseUrl, readers, duration, warmUp, think, seed, samplePages, serverPid, json,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var options = new ReadLoadOptions(
                new Uri(parsed.GetValue(baseUrl)!),
                parsed.GetValue(readers),
                TimeSpan.FromSeconds(parsed.GetValue(duration)),
                TimeSpan.FromSeconds(parsed.GetValue(warmUp)),
                TimeSpan.FromMilliseconds(parsed.GetValue(think)),
                parsed.GetValue(seed),
                parsed.GetValue(samplePages),
                parsed.GetValue(serverPid));
            var outcome = await ReadLoadRun.RunAsync(options, ct);
            ReadReport.WriteTable(outcome, Console.Out);
            if (parsed.GetValue(json) is { } path)
            {
                ReadReport.WriteJson(outcome, path);
            }
            return outcome.Statistics[^1].Errors == 0 ? 0 : 1;
        });
        return command.Parse(args).InvokeAsync();
    }
}
