using Consultation.Web.Features.Comments;
using Mediator;
using Microsoft.AspNetCore.SignalR;

namespace Consultation.Web.Live;

/// <summary>Shows a new comment on every open page of its thread.</summary>
public sealed class CommentPostedPush(IHubContext<ThreadHub, IThreadClient> hub) : INotificationHandler<CommentPosted>
{
    public async ValueTask Handle(CommentPosted posted, CancellationToken ct) =>
        await hub.Clients.Group(ThreadHub.GroupFor(posted.Comment.SubmissionId)).CommentPosted(posted.Comment);
}
