using Consultation.Counting.Methods;

namespace Consultation.Counting.Tests;

public class ProgressTests
{
    /// <summary>Records reports as they are made (Progress&lt;T&gt; would post them later on the thread pool).</summary>
    private sealed class Recorder(Action<CountProgress>? onReport = null) : IProgress<CountProgress>
    {
        public List<CountProgress> Reports { get; } = [];

        public void Report(CountProgress value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }

    [Theory]
    [InlineData("scottish-stv")]
    [InlineData("meek-stv")]
    public void Every_stage_is_reported(string method)
    {
        var election = ElectionFiles.Read("edinburgh-2017/ballots/edinburgh_2017_ward1.blt");
        var recorder = new Recorder();

        var result = CountingMethods.Find(method)!.Count(election, new CountOptions { Progress = recorder }, TestContext.Current.CancellationToken);

        recorder.Reports.Select(r => r.Stage).ShouldBe(Enumerable.Range(1, result.Stages.Count));
        recorder.Reports[^1].ShouldBe(new CountProgress(result.Stages.Count, 4, 4));
    }

    [Theory]
    [InlineData("scottish-stv")]
    [InlineData("meek-stv")]
    public void A_count_can_be_cancelled_between_stages(string method)
    {
        var election = ElectionFiles.Read("edinburgh-2017/ballots/edinburgh_2017_ward1.blt");
        using var cancellation = new CancellationTokenSource();
        var recorder = new Recorder(report => cancellation.Cancel());

        Should.Throw<OperationCanceledException>(() =>
            CountingMethods.Find(method)!.Count(election, new CountOptions { Progress = recorder }, cancellation.Token));
        recorder.Reports.Count.ShouldBe(1);
    }
}
