using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Moderation;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Moderation;

/// <summary>Flagging, the queue, hiding, restoring, dismissing and pre-moderation, with who may do each.</summary>
public sealed class ModerationTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task Flagging_needs_sign_in_a_listed_reason_and_keeps_one_open_flag_per_person(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        var reporter = await app.CreatePersonAsync();
        var flag = new { objectType = "comment", objectId = scene.CommentId, reason = "abuse", note = "Insults another member" };

        (await app.Client().StatusOfAsync(HttpMethod.Post, "/api/moderation/flags", flag)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(reporter).StatusOfAsync(HttpMethod.Post, "/api/moderation/flags", flag with { reason = "boring" })).ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client(reporter).StatusOfAsync(HttpMethod.Post, "/api/moderation/flags", flag with { note = new string('x', 2001) })).ShouldBe(HttpStatusCode.BadRequest);
        (await app.ModerationRowsAboutAsync("moderation_flag", scene.CommentId)).ShouldBe(0);

        (await app.Client(reporter).StatusOfAsync(HttpMethod.Post, "/api/moderation/flags", flag)).ShouldBe(HttpStatusCode.Accepted);
        (await app.Client(reporter).StatusOfAsync(HttpMethod.Post, "/api/moderation/flags", flag with { reason = "spam" })).ShouldBe(HttpStatusCode.Conflict);
        (await app.Client(reporter).StatusOfAsync(HttpMethod.Post, "/api/moderation/flags", flag with { objectId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.NotFound);
        (await app.ModerationRowsAboutAsync("moderation_flag", scene.CommentId)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Outsiders_learn_nothing_of_pending_comments_hidden_submissions_or_a_draft_consultations_queue(Engine engine)
    {
        var app = apps.For(engine);
        var pending = await app.CreateModerationSceneAsync(commentState: "pending");
        var outsider = app.Client(await app.CreatePersonAsync());

        (await outsider.StatusOfAsync(HttpMethod.Post, "/api/moderation/flags",
            new { objectType = "comment", objectId = pending.CommentId, reason = "spam" })).ShouldBe(HttpStatusCode.NotFound);

        var hidden = await app.CreateModerationSceneAsync();
        await app.ExecuteSqlAsync("UPDATE submission SET hidden = @True WHERE id = @Id", new { True = true, Id = hidden.SubmissionId });
        (await outsider.StatusOfAsync(HttpMethod.Post, "/api/moderation/flags",
            new { objectType = "submission", objectId = hidden.SubmissionId, reason = "spam" })).ShouldBe(HttpStatusCode.NotFound);
        (await app.ModerationRowsAboutAsync("moderation_flag", pending.CommentId)).ShouldBe(0);
        (await app.ModerationRowsAboutAsync("moderation_flag", hidden.SubmissionId)).ShouldBe(0);

        await app.ExecuteSqlAsync("UPDATE consultation SET status = 'draft' WHERE id = @Id", new { Id = hidden.ConsultationId });
        (await outsider.StatusOfAsync(HttpMethod.Get, $"/api/moderation/consultations/{hidden.ConsultationId}/queue")).ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(hidden.Moderator).StatusOfAsync(HttpMethod.Get, $"/api/moderation/consultations/{hidden.ConsultationId}/queue")).ShouldBe(HttpStatusCode.OK);
    }

    [Theory, BothEngines]
    public async Task Moderators_see_flags_grouped_by_object_with_counts_and_reasons(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        foreach (var reason in new[] { "abuse", "abuse", "spam" })
        {
            var reporter = await app.CreatePersonAsync();
            await app.SendAsync(reporter, new FlagContent.Command(ContentType.Comment, scene.CommentId, reason, null));
        }
        var url = $"/api/moderation/consultations/{scene.ConsultationId}/queue";

        var queue = await app.Client(scene.Moderator).GetFromJsonAsync<GetModerationQueue.Result>(url, Ct);

        var item = queue!.Flagged.ShouldHaveSingleItem();
        item.ObjectId.ShouldBe(scene.CommentId);
        item.Flags.ShouldBe(3);
        item.Excerpt.ShouldBe("A rude comment");
        item.Reasons.ShouldBe([new("abuse", 2), new("spam", 1)]);
        (await app.Client().StatusOfAsync(HttpMethod.Get, url)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(scene.CommentAuthor).StatusOfAsync(HttpMethod.Get, url)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Get, $"/api/moderation/consultations/{Guid.NewGuid()}/queue")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, BothEngines]
    public async Task A_moderator_hides_a_comment_closing_its_flags_auditing_and_telling_the_author(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        await app.SendAsync(await app.CreatePersonAsync(), new FlagContent.Command(ContentType.Comment, scene.CommentId, "abuse", null));
        var hide = new { objectType = "comment", objectId = scene.CommentId, reasonCode = "abuse", note = "Personal attack" };

        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, "/api/moderation/hide", hide)).ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, "/api/moderation/hide", hide)).ShouldBe(HttpStatusCode.Conflict);

        (await app.CommentStateAsync(scene.CommentId)).ShouldBe("hidden");
        (await app.ScalarAsync<string>("SELECT status FROM moderation_flag WHERE object_id = @Id", new { Id = scene.CommentId })).ShouldBe("actioned");
        (await app.ModerationAuditCountAsync(scene.CommentId, ModerationAudit.Hidden)).ShouldBe(1);
        var email = await app.LatestToAsync(scene.CommentAuthor.Email, Ct);
        email.ShouldContain("Personal attack");
        email.LinkTo("/Moderation/Mine");
    }

    [Theory, BothEngines]
    public async Task A_moderator_hides_and_restores_a_submission(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();

        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, "/api/moderation/hide",
            new { objectType = "submission", objectId = scene.SubmissionId, reasonCode = "personal-data", note = "Names a detained person" }))
            .ShouldBe(HttpStatusCode.NoContent);
        (await app.SubmissionHiddenAsync(scene.SubmissionId)).ShouldBeTrue();

        var restore = new { objectType = "submission", objectId = scene.SubmissionId, note = "Names removed by the author" };
        (await app.Client(scene.CommentAuthor).StatusOfAsync(HttpMethod.Post, "/api/moderation/restore", restore)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, "/api/moderation/restore", restore)).ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, "/api/moderation/restore", restore)).ShouldBe(HttpStatusCode.Conflict);
        (await app.SubmissionHiddenAsync(scene.SubmissionId)).ShouldBeFalse();
        (await app.ModerationAuditCountAsync(scene.SubmissionId, ModerationAudit.Restored)).ShouldBe(1);
        (await app.LatestToAsync(scene.SubmissionAuthor.Email, Ct)).ShouldContain("visible again");
    }

    [Theory, BothEngines]
    public async Task Only_moderators_with_two_factors_may_hide_and_bad_input_writes_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        var withoutTwoFactor = await app.CreatePersonAsync();
        await app.ExecuteSqlAsync("""
            INSERT INTO network_organiser (network_id, user_id, granted_at)
            SELECT network_id, @UserId, created_at FROM consultation WHERE id = @ConsultationId
            """, new { UserId = withoutTwoFactor.Id, scene.ConsultationId });
        var hide = new { objectType = "comment", objectId = scene.CommentId, reasonCode = "spam", note = "" };

        (await app.Client().StatusOfAsync(HttpMethod.Post, "/api/moderation/hide", hide)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(scene.CommentAuthor).StatusOfAsync(HttpMethod.Post, "/api/moderation/hide", hide)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(withoutTwoFactor).StatusOfAsync(HttpMethod.Post, "/api/moderation/hide", hide)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, "/api/moderation/hide", hide with { reasonCode = "dislike" })).ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, "/api/moderation/hide", hide with { objectId = Guid.Empty })).ShouldBe(HttpStatusCode.BadRequest);

        (await app.CommentStateAsync(scene.CommentId)).ShouldBe("visible");
        (await app.ModerationRowsAboutAsync("moderation_decision", scene.CommentId)).ShouldBe(0);
        (await app.ModerationAuditCountAsync(scene.CommentId, ModerationAudit.Hidden)).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Without_a_network_the_organisations_representatives_moderate(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync(networkRun: false);
        var command = new HideContent.Command(ContentType.Comment, scene.CommentId, "spam", null);

        // SecondModerator was made a representative of the organisation; the first one founded it.
        (await app.SendAsync(scene.Moderator, command)).ShouldBe(HideContent.Result.Hidden);
        (await app.CommentStateAsync(scene.CommentId)).ShouldBe("hidden");
        await Should.ThrowAsync<Web.Infrastructure.Access.AccessDeniedException>(() =>
            app.SendAsync(scene.CommentAuthor, new RestoreContent.Command(ContentType.Comment, scene.CommentId, null)));
    }

    [Theory, BothEngines]
    public async Task Dismissing_closes_the_flags_and_is_audited(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        var dismiss = new { objectType = "submission", objectId = scene.SubmissionId, note = "A fair criticism" };
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, "/api/moderation/dismiss", dismiss)).ShouldBe(HttpStatusCode.Conflict);
        await app.SendAsync(await app.CreatePersonAsync(), new FlagContent.Command(ContentType.Submission, scene.SubmissionId, "off-topic", null));

        (await app.Client(scene.CommentAuthor).StatusOfAsync(HttpMethod.Post, "/api/moderation/dismiss", dismiss)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, "/api/moderation/dismiss", dismiss)).ShouldBe(HttpStatusCode.NoContent);

        (await app.ScalarAsync<string>("SELECT status FROM moderation_flag WHERE object_id = @Id", new { Id = scene.SubmissionId })).ShouldBe("dismissed");
        (await app.SubmissionHiddenAsync(scene.SubmissionId)).ShouldBeFalse();
        (await app.ModerationAuditCountAsync(scene.SubmissionId, ModerationAudit.FlagsDismissed)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task A_moderator_approves_a_pending_comment(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync(commentState: "pending");
        var queue = await app.SendAsync(scene.Moderator, new GetModerationQueue.Query(scene.ConsultationId));
        queue.Pending.ShouldHaveSingleItem().ObjectId.ShouldBe(scene.CommentId);
        var url = $"/api/moderation/comments/{scene.CommentId}/approve";

        (await app.Client(scene.CommentAuthor).StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.CommentStateAsync(scene.CommentId)).ShouldBe("pending");
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.NoContent);
        (await app.Client(scene.Moderator).StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.Conflict);
        (await app.CommentStateAsync(scene.CommentId)).ShouldBe("visible");
        (await app.ModerationAuditCountAsync(scene.CommentId, ModerationAudit.Approved)).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task Authors_are_told_in_their_own_language_not_the_moderators(Engine engine)
    {
        var app = apps.For(engine);
        var scene = await app.CreateModerationSceneAsync();
        await app.SetPreferredLanguageAsync(scene.CommentAuthor, "fr");
        await app.SetPreferredLanguageAsync(scene.SubmissionAuthor, "ar");
        var moderator = app.Client(scene.Moderator);
        moderator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        (await moderator.StatusOfAsync(HttpMethod.Post, "/api/moderation/hide",
            new { objectType = "comment", objectId = scene.CommentId, reasonCode = "abuse", note = "Attaque personnelle" })).ShouldBe(HttpStatusCode.NoContent);
        (await moderator.StatusOfAsync(HttpMethod.Post, "/api/moderation/hide",
            new { objectType = "submission", objectId = scene.SubmissionId, reasonCode = "spam" })).ShouldBe(HttpStatusCode.NoContent);

        var french = await app.LatestToAsync(scene.CommentAuthor.Email, Ct);
        french.ShouldContain("Subject: Un modérateur a masqué votre contribution");
        french.ShouldContain("Un modérateur a masqué votre commentaire (motif : Propos abusifs).");
        french.ShouldContain("Attaque personnelle");
        french.LinkTo("/Moderation/Mine");
        (await app.LatestToAsync(scene.SubmissionAuthor.Email, Ct)).ShouldContain("أخفى أحد المشرفين مساهمتك (السبب: رسائل مزعجة).");
    }
}
