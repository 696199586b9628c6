using Consultation.Web.Features.Comments;
using Consultation.Web.Infrastructure.Access;
using Mediator;
using Microsoft.AspNetCore.SignalR;

namespace Consultation.Web.Live;

/// <summary>What an open comment thread hears. Every event carries the thread sequence it brings the client to.</summary>
public interface IThreadClient
{
    /// <summary>A comment everyone may see was posted (pending, pre-moderated comments are never sent).</summary>
    Task CommentPosted(CommentView comment);

    /// <summary>Up-vote tallies changed: coalesced, so one event may carry several sequences.</summary>
    Task CommentUpvoted(UpvoteTallies tallies);

    /// <summary>A moderator hid (state "hidden", no text), restored or approved (state "visible") a comment.</summary>
    Task CommentModerated(CommentView comment);

    /// <summary>A moderator hid or restored the submission itself, and so its whole thread.</summary>
    Task ThreadVisibilityChanged(ThreadVisibilityChanged change);
}

/// <param name="Sequences">The thread sequences this event accounts for, so the client sees no false gap.</param>
public sealed record UpvoteTallies(Guid SubmissionId, IReadOnlyList<long> Sequences, IReadOnlyList<UpvoteTally> Tallies);

public sealed record UpvoteTally(Guid CommentId, int Upvotes);

/// <summary>
/// /hubs/threads: threads are public, so anyone (signed in or not) may join a submission's group and listen.
/// Joining answers the thread's current sequence, from which the client checks every event for gaps.
/// </summary>
public sealed class ThreadHub(ISender sender) : Hub<IThreadClient>
{
    public static string GroupFor(Guid submissionId) => $"thread:{submissionId}";

    public async Task<long> JoinThread(Guid submissionId)
    {
        try
        {
            var sequence = await sender.Send(new GetThreadSequence.Query(submissionId), Context.ConnectionAborted);
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(submissionId), Context.ConnectionAborted);
            return sequence;
        }
        catch (NotFoundException)
        {
            throw new HubException("There is no open thread for this submission.");
        }
    }

    public Task LeaveThread(Guid submissionId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(submissionId), Context.ConnectionAborted);
}
