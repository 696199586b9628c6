using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Moderation;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Moderation;

/// <summary>The author appeals once; another moderator upholds or overturns; the public log shows counts only.</summary>
public sealed class AppealTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<(ModerationScene Scene, ListMyModerationDecisions.Decision Decision)> HiddenCommentAsync(TestApp app)
    {
        var scene = await app.CreateModerationSceneAsync();
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, "/api/moderation/hide",
            new { objectType = "comment", objectId = scene.CommentId, reasonCode = "abuse", note = "Insults" })).ShouldBe(HttpStatusCode.NoContent);
        var mine = await app.Client(scene.CommentAuthor).GetFromJsonAsync<List<ListMyModerationDecisions.Decision>>("/api/moderation/mine", Ct);
        return (scene, mine.ShouldHaveSingleItem());
    }

    [Theory, BothEngines]
    public async Task The_author_appeals_once_and_only_the_author_may(Engine engine)
    {
        var app = apps.For(engine);
        var (scene, decision) = await HiddenCommentAsync(app);
        decision.CanAppeal.ShouldBeTrue();
        decision.ReasonCode.ShouldBe("abuse");
        var url = $"/api/moderation/decisions/{decision.DecisionId}/appeal";

        (await app.Client().StatusOfAsync(HttpMethod.Post, url, new { statement = "I was quoting" })).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(scene.SubmissionAuthor).StatusOfAsync(HttpMethod.Post, url, new { statement = "I was quoting" })).ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(scene.CommentAuthor).StatusOfAsync(HttpMethod.Post, url, new { statement = " " })).ShouldBe(HttpStatusCode.BadRequest);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM moderation_appeal WHERE decision_id = @Id", new { Id = decision.DecisionId })).ShouldBe(0);

        (await app.Client(scene.CommentAuthor).StatusOfAsync(HttpMethod.Post, url, new { statement = "I was quoting" })).ShouldBe(HttpStatusCode.Accepted);
        (await app.Client(scene.CommentAuthor).StatusOfAsync(HttpMethod.Post, url, new { statement = "Again" })).ShouldBe(HttpStatusCode.Conflict);
        var mine = await app.SendAsync(scene.CommentAuthor, new ListMyModerationDecisions.Query());
        mine.ShouldHaveSingleItem().AppealStatus.ShouldBe("open");
    }

    [Theory, BothEngines]
    public async Task The_moderator_who_hid_it_cannot_decide_the_appeal_and_an_upheld_one_stays_hidden(Engine engine)
    {
        var app = apps.For(engine);
        var (scene, decision) = await HiddenCommentAsync(app);
        await app.SendAsync(scene.CommentAuthor, new AppealDecision.Command(decision.DecisionId, "I was quoting"));
        var appeal = (await app.SendAsync(scene.SecondModerator, new GetModerationQueue.Query(scene.ConsultationId))).Appeals.ShouldHaveSingleItem();
        appeal.DecidedByCaller.ShouldBeFalse();
        var url = $"/api/moderation/appeals/{appeal.AppealId}/decide";

        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, url, new { outcome = "Overturn" })).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(scene.CommentAuthor).StatusOfAsync(HttpMethod.Post, url, new { outcome = "Overturn" })).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(scene.SecondModerator).StatusOfAsync(HttpMethod.Post, url, new { outcome = "Uphold", note = new string('x', 2001) })).ShouldBe(HttpStatusCode.BadRequest);
        (await app.ScalarAsync<string>("SELECT status FROM moderation_appeal WHERE id = @Id", new { Id = appeal.AppealId })).ShouldBe("open");

        (await app.Client(scene.SecondModerator).StatusOfAsync(HttpMethod.Post, url, new { outcome = "Uphold", note = "Still insulting" })).ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(scene.SecondModerator).StatusOfAsync(HttpMethod.Post, url, new { outcome = "Overturn" })).ShouldBe(HttpStatusCode.Conflict);
        (await app.CommentStateAsync(scene.CommentId)).ShouldBe("hidden");
        (await app.ModerationAuditCountAsync(scene.CommentId, ModerationAudit.AppealUpheld)).ShouldBe(1);
        (await app.LatestToAsync(scene.CommentAuthor.Email, Ct)).ShouldContain("Still insulting");
    }

    [Theory, BothEngines]
    public async Task An_overturned_appeal_shows_the_content_again(Engine engine)
    {
        var app = apps.For(engine);
        var (scene, decision) = await HiddenCommentAsync(app);
        await app.SendAsync(scene.CommentAuthor, new AppealDecision.Command(decision.DecisionId, "I was quoting"));
        var appeal = (await app.SendAsync(scene.SecondModerator, new GetModerationQueue.Query(scene.ConsultationId))).Appeals.ShouldHaveSingleItem();

        (await app.SendAsync(scene.SecondModerator, new DecideAppeal.Command(appeal.AppealId, DecideAppeal.Outcome.Overturn, "A quotation")))
            .ShouldBe(DecideAppeal.Result.Decided);

        (await app.CommentStateAsync(scene.CommentId)).ShouldBe("visible");
        (await app.ModerationAuditCountAsync(scene.CommentId, ModerationAudit.AppealOverturned)).ShouldBe(1);
        (await app.LatestToAsync(scene.CommentAuthor.Email, Ct)).ShouldContain("visible again");
        var mine = await app.SendAsync(scene.CommentAuthor, new ListMyModerationDecisions.Query());
        mine.Select(d => (d.Action, d.AppealStatus)).ShouldBe([("restore", null), ("hide", "overturned")]);
    }

    [Theory, BothEngines]
    public async Task The_public_log_counts_hidden_content_by_reason_without_names_or_content(Engine engine)
    {
        var app = apps.For(engine);
        var (scene, _) = await HiddenCommentAsync(app);
        await app.SendAsync(scene.Moderator, new HideContent.Command(ContentType.Submission, scene.SubmissionId, "spam", "Advertising"));

        using var response = await app.Client().GetAsync("/api/moderation/log", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.TextAsync();
        var log = await response.Content.ReadFromJsonAsync<GetPublicModerationLog.Result>(Ct);

        var consultation = log!.Consultations.Single(c => c.ConsultationId == scene.ConsultationId);
        consultation.Total.ShouldBe(2);
        consultation.Reasons.OrderBy(r => r.ReasonCode).ShouldBe([new("abuse", 1), new("spam", 1)]);
        log.Overall.Single(r => r.ReasonCode == "abuse").Count.ShouldBeGreaterThanOrEqualTo(1);
        foreach (var secret in new[] { "Insults", "Advertising", "A rude comment", "Flagged position", scene.Moderator.Id.ToString(), scene.CommentAuthor.Id.ToString() })
        {
            json.ShouldNotContain(secret);
        }
        var page = await (await app.Client().GetAsync("/Moderation/Log", Ct)).TextAsync();
        page.ShouldContain("Moderated consultation");
        page.ShouldNotContain("Insults");
    }
}
