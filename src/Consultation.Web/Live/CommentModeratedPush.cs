using Consultation.Web.Features.Comments;
using Mediator;
using Microsoft.AspNetCore.SignalR;

namespace Consultation.Web.Live;

/// <summary>Hides, restores or shows a comment on every open page of its thread, as a moderator decided.</summary>
public sealed class CommentModeratedPush(IHubContext<ThreadHub, IThreadClient> hub) : INotificationHandler<CommentModerated>
{
    public async ValueTask Handle(CommentModerated moderated, CancellationToken ct) =>
        await hub.Clients.Group(ThreadHub.GroupFor(moderated.Comment.SubmissionId)).CommentModerated(moderated.Comment);
}
