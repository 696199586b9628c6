using Consultation.Web.Features.Comments;
using Mediator;
using Microsoft.AspNetCore.SignalR;

namespace Consultation.Web.Live;

/// <summary>Tells every open page of a thread that a moderator hid (or restored) its submission.</summary>
public sealed class ThreadVisibilityPush(IHubContext<ThreadHub, IThreadClient> hub) : INotificationHandler<ThreadVisibilityChanged>
{
    public async ValueTask Handle(ThreadVisibilityChanged change, CancellationToken ct) =>
        await hub.Clients.Group(ThreadHub.GroupFor(change.SubmissionId)).ThreadVisibilityChanged(change);
}
