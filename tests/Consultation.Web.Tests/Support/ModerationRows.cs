namespace Consultation.Web.Tests.Support;

/// <summary>
/// A consultation with a submission and a comment on it, written straight into the tables (the Consultations,
/// Submissions and Comments areas cover creating them for real), moderated by one or two network organisers.
/// </summary>
public sealed record ModerationScene(
    Guid ConsultationId, TestPerson Moderator, TestPerson SecondModerator, TestPerson SubmissionAuthor, Guid SubmissionId,
    TestPerson CommentAuthor, Guid CommentId);

public static class ModerationRows
{
    public static async Task<ModerationScene> CreateModerationSceneAsync(this TestApp app, bool networkRun = true, string commentState = "visible")
    {
        var moderator = await app.CreatePersonAsync(twoFactor: true);
        var secondModerator = await app.CreatePersonAsync(twoFactor: true);
        var organiserOrganisation = await app.CreateOrganisationAsync(moderator);
        var author = await app.CreatePersonAsync();
        var authorOrganisation = await app.CreateOrganisationAsync(author);
        var commenter = await app.CreatePersonAsync();
        var now = app.Clock.GetUtcNow();
        var ids = new
        {
            NetworkId = Guid.CreateVersion7(),
            ConsultationId = Guid.CreateVersion7(),
            SubmissionId = Guid.CreateVersion7(),
            CommentId = Guid.CreateVersion7(),
            OrganiserOrganisation = organiserOrganisation,
            AuthorOrganisation = authorOrganisation,
            Moderator = moderator.Id,
            SecondModerator = secondModerator.Id,
            Author = author.Id,
            Commenter = commenter.Id,
            Now = now,
            Closes = now.AddDays(30),
            CommentState = commentState,
        };
        await app.ExecuteSqlAsync("""
            INSERT INTO network (id, name, created_at) VALUES (@NetworkId, 'Moderated network', @Now);
            INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@NetworkId, @Moderator, @Now), (@NetworkId, @SecondModerator, @Now);
            INSERT INTO consultation (id, network_id, organisation_id, title, scope, opens_at, closes_at, status, created_at)
            VALUES (@ConsultationId, @NetworkId, @OrganiserOrganisation, 'Moderated consultation', 'global', @Now, @Closes, 'open', @Now);
            INSERT INTO submission (id, consultation_id, organisation_id, title, summary, body, body_html, language, status, created_by, created_at, submitted_at, updated_at, current_version)
            VALUES (@SubmissionId, @ConsultationId, @AuthorOrganisation, 'Flagged position', 'Summary', 'Body', '<p>Body</p>', 'en', 'submitted', @Author, @Now, @Now, @Now, 1);
            INSERT INTO comment (id, submission_id, author_user_id, body, body_html, created_at, state, sequence)
            VALUES (@CommentId, @SubmissionId, @Commenter, 'A rude comment', '<p>A rude comment</p>', @Now, @CommentState, 1);
            """, ids);
        if (!networkRun)
        {
            // A consultation created by an organisation alone: its representatives moderate, not the network's organisers.
            await app.ExecuteSqlAsync("UPDATE consultation SET network_id = NULL WHERE id = @ConsultationId", ids);
            await app.AddOrganisationMemberAsync(organiserOrganisation, secondModerator, "representative");
        }
        return new ModerationScene(ids.ConsultationId, moderator, secondModerator, author, ids.SubmissionId, commenter, ids.CommentId);
    }

    public static Task<string?> CommentStateAsync(this TestApp app, Guid commentId) =>
        app.ScalarAsync<string>("SELECT state FROM comment WHERE id = @Id", new { Id = commentId });

    public static Task<bool> SubmissionHiddenAsync(this TestApp app, Guid submissionId) =>
        app.ScalarAsync<bool>("SELECT hidden FROM submission WHERE id = @Id", new { Id = submissionId });

    /// <summary>Rows about one submission or comment in moderation_flag or moderation_decision.</summary>
    public static Task<long> ModerationRowsAboutAsync(this TestApp app, string table, Guid objectId) =>
        app.ScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE object_id = @Id", new { Id = objectId });

    public static Task<long> ModerationAuditCountAsync(this TestApp app, Guid objectId, string action) =>
        app.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE object_id = @Id AND action = @Action", new { Id = objectId, Action = action });
}
