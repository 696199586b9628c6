using System.Net;
using Consultation.Web.Features.Moderation;
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
}
