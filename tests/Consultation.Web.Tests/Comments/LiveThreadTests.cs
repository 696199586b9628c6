using System.Net.Http.Json;
using Consultation.Web.Features.Comments;
using Consultation.Web.Live;
using Consultation.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Consultation.Web.Tests.Comments;

/// <summary>Real SignalR connections to /hubs/threads.</summary>
public sealed class LiveThreadTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    // Generous: the test machine is shared and often heavily loaded.
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory, BothEngines]
    public async Task Open_pages_hear_new_comments_and_tallies_with_the_next_sequence(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var person = await app.CreatePersonAsync();
        await using var poster = Hub(app);
        await using var reader = Hub(app);
        var heard = new TaskCompletionSource<CommentView>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tallied = new TaskCompletionSource<UpvoteTallies>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.On<CommentView>(nameof(IThreadClient.CommentPosted), comment => heard.TrySetResult(comment));
        reader.On<UpvoteTallies>(nameof(IThreadClient.CommentUpvoted), tallies => tallied.TrySetResult(tallies));
        var joinedAt = await JoinAsync(poster, thread.SubmissionId);
        (await JoinAsync(reader, thread.SubmissionId)).ShouldBe(joinedAt);

        var posted = await app.PostCommentAsync(person, thread.SubmissionId, "Live *now*");

        var comment = await heard.Task.WaitAsync(Timeout, Ct);
        (comment.Id, comment.Sequence, comment.BodyHtml).ShouldBe((posted.CommentId, joinedAt + 1, "<p>Live <em>now</em></p>\n"));
        await app.Client(person).PostAsync($"/api/comments/{posted.CommentId}/upvote", null, Ct);
        var tallies = await tallied.Task.WaitAsync(Timeout, Ct);
        tallies.Sequences.ShouldBe([joinedAt + 2]);
        tallies.Tallies.ShouldBe([new UpvoteTally(posted.CommentId, 1)]);
    }

    [Theory, BothEngines]
    public async Task Pending_comments_are_never_pushed_and_a_disconnected_client_catches_up(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync(preModeration: true);
        var author = await app.CreatePersonAsync();
        await using var reader = Hub(app);
        var heard = new List<CommentView>();
        var moderatorsComment = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.On<CommentView>(nameof(IThreadClient.CommentPosted), comment =>
        {
            lock (heard)
            {
                heard.Add(comment);
            }
            moderatorsComment.TrySetResult();
        });
        await JoinAsync(reader, thread.SubmissionId);

        await app.PostCommentAsync(author, thread.SubmissionId, "Pending");
        var visible = await app.PostCommentAsync(thread.Moderator, thread.SubmissionId, "From a moderator, so visible");
        await moderatorsComment.Task.WaitAsync(Timeout, Ct);
        heard.ShouldHaveSingleItem().Id.ShouldBe(visible.CommentId, "events of one thread arrive in order, so the pending one was never sent");
        var last = heard[0].Sequence;

        await reader.StopAsync(Ct).WaitAsync(Timeout, Ct);
        var missed = await app.PostCommentAsync(thread.Moderator, thread.SubmissionId, "Posted while the reader was away");
        var since = await app.Client().GetFromJsonAsync<GetCommentsSince.Result>(
            $"/api/submissions/{thread.SubmissionId}/comments?after={last}", Ct).WaitAsync(Timeout, Ct);
        since!.Changes.ShouldHaveSingleItem().Id.ShouldBe(missed.CommentId);
        since.Sequence.ShouldBe(missed.Sequence);
    }

    [Theory, BothEngines]
    public async Task Joining_a_thread_that_is_not_open_is_refused(Engine engine)
    {
        var app = apps.For(engine);
        var draft = await app.CreateCommentThreadAsync(status: "draft");
        await using var hub = Hub(app);
        await hub.StartAsync(Ct).WaitAsync(Timeout, Ct);

        await Should.ThrowAsync<HubException>(() => hub.InvokeAsync<long>(nameof(ThreadHub.JoinThread), draft.SubmissionId, Ct).WaitAsync(Timeout, Ct));
    }

    static HubConnection Hub(TestApp app) =>
        new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/threads")).Build();

    static async Task<long> JoinAsync(HubConnection hub, Guid submissionId)
    {
        await hub.StartAsync(Ct).WaitAsync(Timeout, Ct);
        return await hub.InvokeAsync<long>(nameof(ThreadHub.JoinThread), submissionId, Ct).WaitAsync(Timeout, Ct);
    }
}
