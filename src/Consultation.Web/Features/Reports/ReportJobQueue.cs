using System.Threading.Channels;
using Mediator;

namespace Consultation.Web.Features.Reports;

/// <summary>
/// Wakes the report runner. The jobs themselves wait in report_job (so they survive a restart and several nodes can
/// share them); the channel holds at most one wake-up, and writing to a full channel drops the extra signal.
/// </summary>
public sealed class ReportJobQueue
{
    readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wakeUps.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up, or the poll interval as a backstop for jobs queued by another node.</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(poll);
        try
        {
            await wakeUps.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed: look for work anyway.
        }
    }
}

/// <summary>Published after the command that queued a job commits, so the runner finds the row.</summary>
public sealed record ReportJobQueued(Guid JobId) : INotification;

public sealed class WakeReportRunner(ReportJobQueue queue) : INotificationHandler<ReportJobQueued>
{
    public ValueTask Handle(ReportJobQueued notification, CancellationToken ct)
    {
        queue.Wake();
        return ValueTask.CompletedTask;
    }
}
