using System.Net;
using System.Threading.Channels;
using Consultation.Web.Features.Comments;
using Consultation.Web.Live;
using Consultation.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Consultation.Web.Tests.Comments;

/// <summary>Moderators' decisions reach open threads: real SignalR connections to /hubs/threads, and catch-up.</summary>
public sealed class LiveModerationTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    // Generous: the test machine is shared and often heavily loaded.
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory, BothEngines]
    public async Task Open_pages_hear_a_comment_hidden_without_its_text_and_then_restored(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var posted = await app.PostCommentAsync(await app.CreatePersonAsync(), thread.SubmissionId, "Rude *words*");
        await using var reader = Hub(app);
        var heard = Channel.CreateUnbounded<CommentView>();
        reader.On<CommentView>(nameof(IThreadClient.CommentModerated), comment => heard.Writer.TryWrite(comment));
        var joinedAt = await JoinAsync(reader, thread.SubmissionId);

        await ModerateAsync(app, thread.Moderator, "hide", new { objectType = "comment", objectId = posted.CommentId, reasonCode = "abuse", note = "Insults" });
        var hiddenComment = await heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(Timeout, Ct);
        (hiddenComment.Id, hiddenComment.State, hiddenComment.BodyHtml, hiddenComment.HiddenReason, hiddenComment.Sequence)
            .ShouldBe((posted.CommentId, "hidden", "", "abuse", joinedAt + 1), "the text never travels, not even to moderators' pages");

        await ModerateAsync(app, thread.Moderator, "restore", new { objectType = "comment", objectId = posted.CommentId });
        var restoredComment = await heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(Timeout, Ct);
        (restoredComment.State, restoredComment.BodyHtml, restoredComment.HiddenReason, restoredComment.Sequence)
            .ShouldBe(("visible", "<p>Rude <em>words</em></p>\n", (string?)null, joinedAt + 2));
    }

    [Theory, BothEngines]
    public async Task A_client_that_missed_the_events_catches_up_on_hides_restores_and_approvals(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync(preModeration: true);
        var parent = await app.PostCommentAsync(thread.Moderator, thread.SubmissionId, "A moderator's comment, visible at once");
        var reply = await app.PostCommentAsync(thread.Moderator, thread.SubmissionId, "A reply", parentId: parent.CommentId);
        var pending = await app.PostCommentAsync(await app.CreatePersonAsync(), thread.SubmissionId, "Waiting for approval");
        var last = await app.ThreadSequenceAsync(thread.SubmissionId);

        await ModerateAsync(app, thread.Moderator, "hide", new { objectType = "comment", objectId = parent.CommentId, reasonCode = "spam" });
        await ModerateAsync(app, thread.Moderator, $"comments/{pending.CommentId}/approve", null);

        var since = await app.CommentsSinceAsync(null, thread.SubmissionId, last);
        since.Sequence.ShouldBe(last + 2);
        since.Changes.Select(c => (c.Id, c.State, HasText: c.BodyHtml.Length > 0, c.HiddenReason)).ToArray().ShouldBe(
            [(parent.CommentId, "hidden", false, (string?)"spam"), (pending.CommentId, "visible", true, (string?)null)]);
        // A reload shows the same: the hidden comment keeps its place, without its text, above its reply.
        var list = (await app.ListCommentsAsync(null, thread.SubmissionId)).Comments.Items;
        var hiddenNode = list.Single(n => n.Comment.Id == parent.CommentId);
        (hiddenNode.Comment.State, hiddenNode.Comment.BodyHtml).ShouldBe(("hidden", ""));
        hiddenNode.Replies.ShouldHaveSingleItem().Comment.Id.ShouldBe(reply.CommentId);

        await ModerateAsync(app, thread.Moderator, "restore", new { objectType = "comment", objectId = parent.CommentId });
        var restored = await app.CommentsSinceAsync(null, thread.SubmissionId, since.Sequence);
        restored.Changes.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Id.ShouldBe(parent.CommentId), c => c.State.ShouldBe("visible"), c => c.Sequence.ShouldBe(since.Sequence + 1));
    }

    [Theory, BothEngines]
    public async Task Hiding_the_submission_tells_open_threads_and_its_pages_say_so(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        await using var reader = Hub(app);
        var heard = new TaskCompletionSource<ThreadVisibilityChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.On<ThreadVisibilityChanged>(nameof(IThreadClient.ThreadVisibilityChanged), change => heard.TrySetResult(change));
        var joinedAt = await JoinAsync(reader, thread.SubmissionId);

        await ModerateAsync(app, thread.Moderator, "hide", new { objectType = "submission", objectId = thread.SubmissionId, reasonCode = "spam" });

        (await heard.Task.WaitAsync(Timeout, Ct)).ShouldBe(new ThreadVisibilityChanged(thread.SubmissionId, Hidden: true, joinedAt + 1));
        // A client that missed it is told the thread is gone by catch-up, and reloads into the notice.
        (await app.Client().StatusOfAsync(HttpMethod.Get, $"/api/submissions/{thread.SubmissionId}/comments?after={joinedAt}")).ShouldBe(HttpStatusCode.NotFound);
        foreach (var page in new[] { $"/Submissions/{thread.SubmissionId}", $"/Submissions/{thread.SubmissionId}/Comments" })
        {
            using var response = await app.Client().GetAsync(page, Ct);
            response.LandedOn().ShouldBe($"/Submissions/{thread.SubmissionId}/Hidden");
        }
        var notice = await (await app.Client().GetAsync($"/Submissions/{thread.SubmissionId}/Hidden", Ct)).TextAsync();
        notice.ShouldContain("A moderator hid this submission and its discussion.");

        await ModerateAsync(app, thread.Moderator, "restore", new { objectType = "submission", objectId = thread.SubmissionId });
        (await app.Client().StatusOfAsync(HttpMethod.Get, $"/Submissions/{thread.SubmissionId}/Hidden")).ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().StatusOfAsync(HttpMethod.Get, $"/Submissions/{thread.SubmissionId}/Comments")).ShouldBe(HttpStatusCode.OK);
    }

    static async Task ModerateAsync(TestApp app, TestPerson moderator, string action, object? body) =>
        (await app.Client(moderator).StatusOfAsync(HttpMethod.Post, $"/api/moderation/{action}", body)).ShouldBe(HttpStatusCode.NoContent);

    static HubConnection Hub(TestApp app) =>
        new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/threads")).Build();

    static async Task<long> JoinAsync(HubConnection hub, Guid submissionId)
    {
        await hub.StartAsync(Ct).WaitAsync(Timeout, Ct);
        return await hub.InvokeAsync<long>(nameof(ThreadHub.JoinThread), submissionId, Ct).WaitAsync(Timeout, Ct);
    }
}
