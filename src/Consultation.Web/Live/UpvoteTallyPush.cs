using Consultation.Web.Features.Comments;
using Mediator;

namespace Consultation.Web.Live;

/// <summary>Hands each changed tally to the coalescer, which pushes a thread's tallies a few times a second at most.</summary>
public sealed class UpvoteTallyPush(UpvoteTallyCoalescer coalescer) : INotificationHandler<CommentUpvoted>
{
    public ValueTask Handle(CommentUpvoted upvoted, CancellationToken ct)
    {
        coalescer.Add(upvoted);
        return ValueTask.CompletedTask;
    }
}
