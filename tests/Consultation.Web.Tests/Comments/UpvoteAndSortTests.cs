using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Comments;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Comments;

public sealed class UpvoteAndSortTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task A_person_upvotes_a_comment_once_and_may_take_it_back(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var author = await app.CreatePersonAsync();
        var (reader, other) = (await app.CreatePersonAsync(), await app.CreatePersonAsync());
        var comment = await app.PostCommentAsync(author, thread.SubmissionId);
        var url = $"/api/comments/{comment.CommentId}/upvote";

        (await VoteAsync(app.Client(reader), HttpMethod.Post, url)).ShouldBe(new CommentVotes.Result(1, true));
        (await VoteAsync(app.Client(reader), HttpMethod.Post, url)).ShouldBe(new CommentVotes.Result(1, false));
        (await VoteAsync(app.Client(other), HttpMethod.Post, url)).ShouldBe(new CommentVotes.Result(2, true));
        (await VoteAsync(app.Client(reader), HttpMethod.Delete, url)).ShouldBe(new CommentVotes.Result(1, true));
        (await VoteAsync(app.Client(reader), HttpMethod.Delete, url)).ShouldBe(new CommentVotes.Result(1, false));

        (await app.Client().StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(reader).StatusOfAsync(HttpMethod.Post, $"/api/comments/{Guid.NewGuid()}/upvote")).ShouldBe(HttpStatusCode.NotFound);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM comment_vote WHERE comment_id = @Id", new { Id = comment.CommentId })).ShouldBe(1);
        var listed = (await app.ListCommentsAsync(other, thread.SubmissionId)).Comments.Items.ShouldHaveSingleItem();
        (listed.Comment.Upvotes, listed.CallerUpvoted).ShouldBe((1, true));
        // One post and three changed tallies; the refused repeats numbered nothing.
        (await app.ThreadSequenceAsync(thread.SubmissionId)).ShouldBe(4);
    }

    [Theory, BothEngines]
    public async Task Comments_sort_by_newest_or_most_supported(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var person = await app.CreatePersonAsync();
        var older = await app.PostCommentAsync(person, thread.SubmissionId, "Older");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await app.PostCommentAsync(person, thread.SubmissionId, "Newer");
        await app.Client(await app.CreatePersonAsync()).PostAsync($"/api/comments/{older.CommentId}/upvote", null, Ct);

        (await app.ListCommentsAsync(null, thread.SubmissionId, "?sort=Newest")).Comments.Items.Select(n => n.Comment.Id)
            .ShouldBe([newer.CommentId, older.CommentId]);
        (await app.ListCommentsAsync(null, thread.SubmissionId, "?sort=MostSupported")).Comments.Items.Select(n => n.Comment.Id)
            .ShouldBe([older.CommentId, newer.CommentId]);

        var page = await (await app.Client().GetAsync($"/Submissions/{thread.SubmissionId}/Comments?sort=MostSupported", Ct)).TextAsync();
        page.IndexOf("Older", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("Newer", StringComparison.Ordinal));
    }

    static async Task<CommentVotes.Result> VoteAsync(HttpClient client, HttpMethod method, string url)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, url), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<CommentVotes.Result>(Ct))!;
    }
}
