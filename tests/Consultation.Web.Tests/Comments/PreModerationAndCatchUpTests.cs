using System.Net;
using Consultation.Web.Features.Comments;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Comments;

public sealed class PreModerationAndCatchUpTests(TestApps apps)
{
    [Theory, BothEngines]
    public async Task Pre_moderated_comments_are_seen_only_by_their_author_and_the_moderators(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync(preModeration: true);
        var (author, reader) = (await app.CreatePersonAsync(), await app.CreatePersonAsync());

        var posted = await app.PostCommentAsync(author, thread.SubmissionId, "Waiting for review");

        posted.State.ShouldBe("pending");
        (await app.ListCommentsAsync(author, thread.SubmissionId)).Comments.Items.ShouldHaveSingleItem().Comment.State.ShouldBe("pending");
        (await app.ListCommentsAsync(thread.Moderator, thread.SubmissionId)).Comments.Items.ShouldHaveSingleItem();
        (await app.ListCommentsAsync(reader, thread.SubmissionId)).Comments.Items.ShouldBeEmpty();
        (await app.ListCommentsAsync(null, thread.SubmissionId)).Comments.Total.ShouldBe(0);
        (await app.CommentsSinceAsync(null, thread.SubmissionId, 0)).Changes.ShouldBeEmpty();
        (await app.CommentsSinceAsync(author, thread.SubmissionId, 0)).Changes.ShouldHaveSingleItem();
        var page = await (await app.Client(reader).GetAsync($"/Submissions/{thread.SubmissionId}/Comments", TestContext.Current.CancellationToken)).TextAsync();
        page.ShouldNotContain("Waiting for review");
        (await app.Client(reader).StatusOfAsync(HttpMethod.Post, $"/api/comments/{posted.CommentId}/upvote")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, BothEngines]
    public async Task Every_event_takes_the_next_sequence_and_a_client_catches_up_from_any_point(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var person = await app.CreatePersonAsync();
        var first = await app.PostCommentAsync(person, thread.SubmissionId, "One");
        var second = await app.PostCommentAsync(person, thread.SubmissionId, "Two");
        await app.Client(person).PostAsync($"/api/comments/{first.CommentId}/upvote", null, TestContext.Current.CancellationToken);

        var since = await app.CommentsSinceAsync(null, thread.SubmissionId, after: 1);

        since.Sequence.ShouldBe(3);
        since.SnapshotNeeded.ShouldBeFalse();
        since.Changes.Select(c => (c.Id, c.Sequence, c.Upvotes)).ShouldBe([(second.CommentId, 2L, 0), (first.CommentId, 3L, 1)]);
        (await app.CommentsSinceAsync(null, thread.SubmissionId, after: 3)).Changes.ShouldBeEmpty();
        (await app.CommentsSinceAsync(null, thread.SubmissionId, after: 99)).SnapshotNeeded.ShouldBeTrue("the client is ahead of the thread");
        (await app.Client().StatusOfAsync(HttpMethod.Get, $"/api/submissions/{thread.SubmissionId}/comments?after=-1")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, BothEngines]
    public async Task A_client_that_missed_too_much_is_told_to_take_a_snapshot(Engine engine)
    {
        var app = apps.For(engine);
        var thread = await app.CreateCommentThreadAsync();
        var person = await app.CreatePersonAsync();
        for (var sequence = 1; sequence <= GetCommentsSince.MaxChanges + 1; sequence++)
        {
            await app.ExecuteSqlAsync("""
                INSERT INTO comment (id, submission_id, depth, author_user_id, body, body_html, created_at, state, upvotes, sequence)
                VALUES (@Id, @SubmissionId, 0, @AuthorId, 'x', '<p>x</p>', @Now, 'visible', 0, @Sequence)
                """, new { Id = Guid.CreateVersion7(), thread.SubmissionId, AuthorId = person.Id, Now = app.Clock.GetUtcNow(), Sequence = sequence });
        }
        await app.ExecuteSqlAsync("UPDATE submission SET thread_sequence = @Sequence WHERE id = @SubmissionId",
            new { Sequence = GetCommentsSince.MaxChanges + 1, thread.SubmissionId });

        var since = await app.CommentsSinceAsync(null, thread.SubmissionId, after: 0);

        (since.SnapshotNeeded, since.Changes.Count, since.Sequence).ShouldBe((true, 0, GetCommentsSince.MaxChanges + 1L));
        (await app.CommentsSinceAsync(null, thread.SubmissionId, after: 1)).Changes.Count.ShouldBe(GetCommentsSince.MaxChanges);
    }
}
