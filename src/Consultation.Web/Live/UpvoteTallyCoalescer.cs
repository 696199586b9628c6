using System.Collections.Concurrent;
using Consultation.Web.Features.Comments;
using Microsoft.AspNetCore.SignalR;

namespace Consultation.Web.Live;

/// <summary>
/// Up-votes reach open pages coalesced: per thread, the latest tally of each comment is collected for a short
/// interval and sent as one event, so a popular comment costs a few pushes per second, not one per vote.
/// </summary>
/// <remarks>A singleton: handlers live per request, the waiting tallies outlive them.</remarks>
public sealed class UpvoteTallyCoalescer(IHubContext<ThreadHub, IThreadClient> hub, ILogger<UpvoteTallyCoalescer> logger)
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    // The tallies waiting per thread; a thread is in here only while its push is scheduled.
    readonly ConcurrentDictionary<Guid, Pending> waiting = new();

    sealed class Pending
    {
        public readonly Dictionary<Guid, int> Tallies = [];
        public readonly List<long> Sequences = [];
        public bool Closed;
    }

    public void Add(CommentUpvoted upvoted)
    {
        while (true)
        {
            var fresh = new Pending();
            var pending = waiting.GetOrAdd(upvoted.SubmissionId, fresh);
            lock (pending)
            {
                // Taken by a push in the meantime: start the thread's next batch.
                if (pending.Closed)
                {
                    continue;
                }
                pending.Tallies[upvoted.CommentId] = upvoted.Upvotes;
                pending.Sequences.Add(upvoted.Sequence);
            }
            if (ReferenceEquals(pending, fresh))
            {
                _ = PushLaterAsync(upvoted.SubmissionId);
            }
            return;
        }
    }

    async Task PushLaterAsync(Guid submissionId)
    {
        try
        {
            await Task.Delay(Interval);
            if (!waiting.TryRemove(submissionId, out var pending))
            {
                return;
            }
            UpvoteTallies tallies;
            lock (pending)
            {
                pending.Closed = true;
                tallies = new UpvoteTallies(submissionId, [.. pending.Sequences.Order()],
                    [.. pending.Tallies.Select(t => new UpvoteTally(t.Key, t.Value))]);
            }
            await hub.Clients.Group(ThreadHub.GroupFor(submissionId)).CommentUpvoted(tallies);
        }
        catch (Exception failure)
        {
            // Clients converge anyway: their next event shows a gap and they catch up through the API.
            logger.LogWarning(failure, "Could not push up-vote tallies for thread {SubmissionId}", submissionId);
        }
    }
}
