using System.Net;
using Consultation.Web.Features.Moderation;
using Consultation.Web.Tests.Comments;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Moderation;

/// <summary>The moderation pages work as plain forms, without script.</summary>
public sealed class ModerationPagesTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task A_person_flags_through_the_form_and_a_missing_reason_writes_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        var reporter = app.Client(await app.CreatePersonAsync());
        var page = $"/Moderation/Flag?type=comment&id={scene.CommentId}";

        using (var anonymous = await app.Client().GetAsync(page, Ct))
        {
            anonymous.LandedOn().ShouldStartWith("/Accounts/SignIn");
        }
        using (var missing = await reporter.SubmitAsync(page, [new("Note", "no reason")]))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await missing.TextAsync()).ShouldContain("Choose one of the reasons.");
        }
        (await app.ModerationRowsAboutAsync("moderation_flag", scene.CommentId)).ShouldBe(0);

        using var flagged = await reporter.SubmitAsync(page, [new("Reason", "abuse"), new("Note", "")]);
        (await flagged.TextAsync()).ShouldContain("The moderators will look at it.");
        (await app.ModerationRowsAboutAsync("moderation_flag", scene.CommentId)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task A_moderator_hides_from_the_queue_page_and_the_author_appeals_from_theirs(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        await app.SendAsync(await app.CreatePersonAsync(), new FlagContent.Command(ContentType.Comment, scene.CommentId, "spam", null));
        var queue = $"/Consultations/{scene.ConsultationId}/Moderation";

        using (var hidden = await app.Client(scene.Moderator).SubmitAsync(queue,
            [new("ObjectType", "comment"), new("ObjectId", scene.CommentId.ToString()), new("ReasonCode", "spam"), new("Note", "Advertising")], handler: "Hide"))
        {
            hidden.LandedOn().ShouldBe(queue);
        }
        (await app.CommentStateAsync(scene.CommentId)).ShouldBe("hidden");

        var author = app.Client(scene.CommentAuthor);
        var decision = (await app.SendAsync(scene.CommentAuthor, new ListMyModerationDecisions.Query())).ShouldHaveSingleItem();
        using (var empty = await author.SubmitAsync("/Moderation/Mine", [new("DecisionId", decision.DecisionId.ToString()), new("Statement", "")], handler: "Appeal"))
        {
            (await empty.TextAsync()).ShouldContain("Say why the decision should change.");
        }
        using var appealed = await author.SubmitAsync("/Moderation/Mine",
            [new("DecisionId", decision.DecisionId.ToString()), new("Statement", "It was a joke between friends")], handler: "Appeal");
        appealed.LandedOn().ShouldStartWith("/Moderation/Mine");
        (await app.ScalarAsync<string>("SELECT statement FROM moderation_appeal WHERE decision_id = @Id", new { Id = decision.DecisionId }))
            .ShouldBe("It was a joke between friends");
    }

    [Theory, BothEngines]
    public async Task A_signed_in_reader_finds_the_report_link_on_a_submission_and_it_opens_the_flag_form(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        var flagPage = $"/Moderation/Flag?type=submission&id={scene.SubmissionId}";

        var anonymousView = await app.Client().GetStringAsync($"/Submissions/{scene.SubmissionId}", Ct);
        var reader = app.Client(await app.CreatePersonAsync());
        var readersView = await reader.GetStringAsync($"/Submissions/{scene.SubmissionId}", Ct);

        anonymousView.ShouldNotContain("/Moderation/Flag");
        System.Net.WebUtility.HtmlDecode(readersView).ShouldContain(flagPage);
        (await reader.GetAsync(flagPage, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, BothEngines]
    public async Task Thread_comments_link_signed_in_readers_to_the_flag_form_which_leads_back_to_the_thread(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        var thread = $"/Submissions/{scene.SubmissionId}/Comments";
        var flag = $"/Moderation/Flag?type=comment&returnUrl={Uri.EscapeDataString(thread)}&id={scene.CommentId}";
        var reader = app.Client(await app.CreatePersonAsync());

        WebUtility.HtmlDecode(await (await reader.GetAsync(thread, Ct)).TextAsync()).ShouldContain($"<a href=\"{flag}\" data-flag-link>Report to the moderators</a>");
        (await (await app.Client().GetAsync(thread, Ct)).TextAsync()).ShouldNotContain("data-flag-link>");
        using (var elsewhere = await reader.GetAsync($"/Moderation/Flag?type=comment&returnUrl=%2F%2Fevil.example&id={scene.CommentId}", Ct))
        {
            (await elsewhere.TextAsync()).ShouldNotContain("href=\"//evil.example\"");
        }

        using var flagged = await reader.SubmitAsync(flag, [new("Reason", "spam")]);

        WebUtility.HtmlDecode(await flagged.TextAsync()).ShouldContain($"<a href=\"{thread}\">Back to where you were</a>");
        (await app.ModerationRowsAboutAsync("moderation_flag", scene.CommentId)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Moderators_see_the_queue_link_with_its_open_flags_on_the_consultation_submission_and_thread_pages(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        await app.SendAsync(await app.CreatePersonAsync(), new FlagContent.Command(ContentType.Comment, scene.CommentId, "abuse", null));
        await app.SendAsync(await app.CreatePersonAsync(), new FlagContent.Command(ContentType.Submission, scene.SubmissionId, "spam", null));
        var queue = $"href=\"/Consultations/{scene.ConsultationId}/Moderation\"";

        foreach (var page in new[] { $"/Consultations/{scene.ConsultationId}", $"/Submissions/{scene.SubmissionId}", $"/Submissions/{scene.SubmissionId}/Comments" })
        {
            var moderators = await (await app.Client(scene.Moderator).GetAsync(page, Ct)).TextAsync();
            moderators.ShouldContain(queue, customMessage: page);
            moderators.ShouldContain("2 open flags", customMessage: page);
            (await (await app.Client(scene.SubmissionAuthor).GetAsync(page, Ct)).TextAsync()).ShouldNotContain(queue, customMessage: page);
            (await (await app.Client().GetAsync(page, Ct)).TextAsync()).ShouldNotContain(queue, customMessage: page);
        }
    }

    [Theory, BothEngines]
    public async Task A_hidden_comment_keeps_its_replies_behind_a_placeholder_and_its_moderators_still_read_it(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        await app.PostCommentAsync(await app.CreatePersonAsync(), scene.SubmissionId, "A calm reply", parentId: scene.CommentId);
        await app.SendAsync(scene.Moderator, new HideContent.Command(ContentType.Comment, scene.CommentId, "abuse", null));
        var thread = $"/Submissions/{scene.SubmissionId}/Comments";
        const string placeholder = "data-hidden-notice>This comment was hidden by a moderator (Abuse)";

        var readers = WebUtility.HtmlDecode(await (await app.Client(await app.CreatePersonAsync()).GetAsync(thread, Ct)).TextAsync());
        readers.ShouldContain(placeholder);
        readers.ShouldContain("A calm reply");
        readers.ShouldNotContain("A rude comment");
        readers.ShouldNotContain($"id={scene.CommentId}\"", customMessage: "a hidden comment cannot be flagged");
        readers.ShouldNotContain($"value=\"{scene.CommentId}\"", customMessage: "nor voted on or answered");
        var moderators = WebUtility.HtmlDecode(await (await app.Client(scene.Moderator).GetAsync(thread, Ct)).TextAsync());
        moderators.ShouldContain(placeholder);
        moderators.ShouldContain("A rude comment");
        using var french = new HttpRequestMessage(HttpMethod.Get, thread);
        french.Headers.AcceptLanguage.ParseAdd("fr");
        WebUtility.HtmlDecode(await (await app.Client().SendAsync(french, Ct)).TextAsync())
            .ShouldContain("data-hidden-notice>Ce commentaire a été masqué par un modérateur (Propos abusifs)");
    }
}
