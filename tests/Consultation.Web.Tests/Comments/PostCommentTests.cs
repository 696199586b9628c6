using System.Net;
using Consultation.Web.Features.Comments;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Comments;

public sealed class PostCommentTests(TestApps apps)
{
    [Theory, BothEngines]
    public async Task Comments_and_replies_are_listed_threaded_with_the_thread_sequence(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var person = await app.CreatePersonAsync();

        var first = await app.PostCommentAsync(person, thread.SubmissionId, "First **point**");
        var reply = await app.PostCommentAsync(person, thread.SubmissionId, "A reply", parentId: first.CommentId);

        first.State.ShouldBe("visible");
        (first.Sequence, reply.Sequence).ShouldBe((1L, 2L));
        var list = await app.ListCommentsAsync(null, thread.SubmissionId);
        list.Sequence.ShouldBe(2);
        var top = list.Comments.Items.ShouldHaveSingleItem();
        top.Comment.BodyHtml.ShouldBe("<p>First <strong>point</strong></p>\n");
        top.Comment.AuthorName.ShouldBe(person.DisplayName);
        var child = top.Replies.ShouldHaveSingleItem().Comment;
        (child.Id, child.Depth, child.ParentId).ShouldBe((reply.CommentId, 1, first.CommentId));
    }

    [Theory, BothEngines]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var elsewhere = await app.CreateCommentThreadAsync();
        var person = await app.CreatePersonAsync();
        var foreign = await app.PostCommentAsync(person, elsewhere.SubmissionId);
        var client = app.Client(person);
        var url = $"/api/submissions/{thread.SubmissionId}/comments";

        (await client.StatusOfAsync(HttpMethod.Post, url, new { body = "   " })).ShouldBe(HttpStatusCode.BadRequest);
        (await client.StatusOfAsync(HttpMethod.Post, url, new { body = new string('x', PostComment.MaxBodyLength + 1) })).ShouldBe(HttpStatusCode.BadRequest);
        (await client.StatusOfAsync(HttpMethod.Post, url, new { body = "Reply", parentId = foreign.CommentId })).ShouldBe(HttpStatusCode.BadRequest);
        (await client.StatusOfAsync(HttpMethod.Post, url, new { body = "Reply", parentId = Guid.Empty })).ShouldBe(HttpStatusCode.BadRequest);
        (await client.StatusOfAsync(HttpMethod.Post, url, new { body = "Hi", commentId = foreign.CommentId })).ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client().StatusOfAsync(HttpMethod.Post, url, new { body = "Anonymous" })).ShouldBe(HttpStatusCode.Unauthorized);

        (await app.CommentCountAsync(thread.SubmissionId)).ShouldBe(0);
        (await app.ThreadSequenceAsync(thread.SubmissionId)).ShouldBe(0);
        (await app.CommentCountAsync(elsewhere.SubmissionId)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Only_submitted_visible_submissions_take_comments(Engine engine)
    {
        var app = apps.For(engine);
        var draft = await app.CreateCommentThreadAsync(status: "draft");
        var hidden = await app.CreateCommentThreadAsync(hidden: true);
        var person = await app.CreatePersonAsync();

        foreach (var submission in new[] { draft.SubmissionId, hidden.SubmissionId, Guid.NewGuid() })
        {
            (await app.Client(person).StatusOfAsync(HttpMethod.Post, $"/api/submissions/{submission}/comments", new { body = "Hello" }))
                .ShouldBe(HttpStatusCode.NotFound);
            (await app.Client().StatusOfAsync(HttpMethod.Get, $"/api/submissions/{submission}/comments")).ShouldBe(HttpStatusCode.NotFound);
        }
        (await app.CommentCountAsync(draft.SubmissionId)).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Replies_nest_to_the_maximum_depth_then_sit_beside_the_deepest(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var person = await app.CreatePersonAsync();
        var chain = new List<PostComment.Result> { await app.PostCommentAsync(person, thread.SubmissionId, "Depth 0") };
        for (var i = 1; i <= CommentThreads.MaxDepth + 1; i++)
        {
            chain.Add(await app.PostCommentAsync(person, thread.SubmissionId, $"Reply {i}", parentId: chain[^1].CommentId));
        }

        var comments = (await app.ListCommentsAsync(person, thread.SubmissionId)).Comments.Items.Flattened().ToDictionary(c => c.Id);
        comments[chain[3].CommentId].Depth.ShouldBe(3);
        comments[chain[CommentThreads.MaxDepth].CommentId].Depth.ShouldBe(CommentThreads.MaxDepth);
        var beyond = comments[chain[^1].CommentId];
        beyond.Depth.ShouldBe(CommentThreads.MaxDepth);
        beyond.ParentId.ShouldBe(chain[CommentThreads.MaxDepth - 1].CommentId, "attached beside the deepest comment");
    }

    [Theory, BothEngines]
    public async Task A_retried_post_with_the_same_id_is_stored_once(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var person = await app.CreatePersonAsync();
        var id = Guid.CreateVersion7();

        var first = await app.PostCommentAsync(person, thread.SubmissionId, "Once", commentId: id);
        var retry = await app.PostCommentAsync(person, thread.SubmissionId, "Once", commentId: id);

        (first.AlreadyPosted, retry.AlreadyPosted).ShouldBe((false, true));
        retry.Sequence.ShouldBe(first.Sequence);
        (await app.CommentCountAsync(thread.SubmissionId)).ShouldBe(1);
        (await app.ThreadSequenceAsync(thread.SubmissionId)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Script_in_markdown_never_reaches_the_page(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var person = await app.CreatePersonAsync();

        await app.PostCommentAsync(person, thread.SubmissionId, "<script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>");

        using var page = await app.Client().GetAsync($"/Submissions/{thread.SubmissionId}/Comments", TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.TextAsync();
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("javascript:alert");
        html.ShouldNotContain("<img src=x");
        html.ShouldContain("&lt;script&gt;");
    }
}
