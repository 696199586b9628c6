using System.Net;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Comments;

/// <summary>The thread page without JavaScript: plain forms to post, reply and up-vote.</summary>
public sealed class ThreadPageTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task A_person_posts_replies_and_upvotes_through_the_page_forms(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var person = await app.CreatePersonAsync();
        var client = app.Client(person);
        var page = $"/Submissions/{thread.SubmissionId}/Comments";

        using var posted = await client.SubmitAsync(page, [new("Input.Body", "From the *form*"), new("Input.CommentId", Guid.CreateVersion7().ToString())]);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var commentId = await app.ScalarAsync<Guid>("SELECT id FROM comment WHERE submission_id = @SubmissionId", new { thread.SubmissionId });
        posted.LandedOn().ShouldBe($"{page}#comment-{commentId}");
        using var replied = await client.SubmitAsync(page, [new("Input.Body", "A reply"), new("Input.ParentId", commentId.ToString())]);
        replied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var upvoted = await client.SubmitAsync(page, [new("commentId", commentId.ToString())], handler: "Upvote");
        upvoted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html = WebUtility.HtmlDecode(await (await client.GetAsync(page, Ct)).TextAsync());
        html.ShouldContain("From the <em>form</em>");
        html.ShouldContain("A reply");
        html.ShouldContain("Remove my upvote");
        (await app.ScalarAsync<int>("SELECT upvotes FROM comment WHERE id = @Id", new { Id = commentId })).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task An_empty_comment_shows_the_error_at_the_field_and_writes_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var client = app.Client(await app.CreatePersonAsync());

        using var refused = await client.SubmitAsync($"/Submissions/{thread.SubmissionId}/Comments", [new("Input.Body", " ")]);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.TextAsync();
        html.ShouldContain("id=\"comment-body-error\"");
        html.ShouldContain("Write a comment.");
        (await app.CommentCountAsync(thread.SubmissionId)).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Anyone_reads_the_page_in_their_language_and_is_asked_to_sign_in_to_comment(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        await app.PostCommentAsync(await app.CreatePersonAsync(), thread.SubmissionId, "Visible to all");
        var page = $"/Submissions/{thread.SubmissionId}/Comments";

        var html = await (await app.Client().GetAsync(page, Ct)).TextAsync();
        html.ShouldContain("Visible to all");
        html.ShouldContain("/Accounts/SignIn?returnUrl=");
        html.ShouldNotContain("name=\"Input.Body\"");
        html.ShouldContain($"data-submission-id=\"{thread.SubmissionId}\"");

        using var french = new HttpRequestMessage(HttpMethod.Get, page);
        french.Headers.AcceptLanguage.ParseAdd("fr");
        var frenchHtml = WebUtility.HtmlDecode(await (await app.Client().SendAsync(french, Ct)).TextAsync());
        frenchHtml.ShouldContain("Connectez-vous pour commenter");
        (await app.Client().StatusOfAsync(HttpMethod.Get, $"/Submissions/{Guid.NewGuid()}/Comments")).ShouldBe(HttpStatusCode.NotFound);
    }
}
