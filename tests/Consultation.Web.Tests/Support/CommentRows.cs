namespace Consultation.Web.Tests.Support;

/// <summary>A submission open for comments, in a consultation of a network whose organiser moderates it.</summary>
public sealed record CommentThread(Guid SubmissionId, Guid ConsultationId, Guid NetworkId, TestPerson Moderator);

/// <summary>
/// Consultations and submissions written straight into the tables for the Comments tests (the Consultations and
/// Submissions areas test creating them for real).
/// </summary>
public static class CommentRows
{
    public static async Task<CommentThread> CreateCommentThreadAsync(
        this TestApp app, bool preModeration = false, string status = "submitted", bool hidden = false)
    {
        var moderator = await app.CreatePersonAsync(twoFactor: true);
        var lead = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
        var (networkId, consultationId, submissionId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var now = app.Clock.GetUtcNow();
        await app.ExecuteSqlAsync("""
            INSERT INTO network (id, name, created_at) VALUES (@NetworkId, @NetworkName, @Now);
            INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@NetworkId, @ModeratorId, @Now);
            INSERT INTO consultation (id, network_id, title, scope, opens_at, closes_at, status, pre_moderation, created_at)
            VALUES (@ConsultationId, @NetworkId, 'Consultation on comments', 'global', @Now, @Closes, 'open', @PreModeration, @Now);
            INSERT INTO submission (id, consultation_id, organisation_id, title, summary, body, body_html, language, status, hidden,
                                    created_at, submitted_at, updated_at, current_version)
            VALUES (@SubmissionId, @ConsultationId, @Lead, @Title, 'A summary', 'The body', '<p>The body</p>', 'en', @Status, @Hidden,
                    @Now, @Now, @Now, 1);
            """,
            new
            {
                NetworkId = networkId,
                NetworkName = "Network " + networkId.ToString("N")[^8..],
                ModeratorId = moderator.Id,
                ConsultationId = consultationId,
                SubmissionId = submissionId,
                Lead = lead,
                Title = "Position " + submissionId.ToString("N")[^8..],
                Status = status,
                Hidden = hidden,
                PreModeration = preModeration,
                Now = now,
                Closes = now.AddDays(30),
            });
        return new CommentThread(submissionId, consultationId, networkId, moderator);
    }

    /// <summary>A top-level comment by this person on the submission, "visible", "pending" or "hidden", numbered as the thread's next event.</summary>
    public static async Task<Guid> CreateCommentRowAsync(this TestApp app, Guid submissionId, TestPerson author, string state = "visible")
    {
        var id = Guid.CreateVersion7();
        await app.ExecuteSqlAsync("""
            UPDATE submission SET thread_sequence = thread_sequence + 1 WHERE id = @SubmissionId;
            INSERT INTO comment (id, submission_id, author_user_id, body, body_html, created_at, state, sequence)
            SELECT @Id, id, @AuthorId, 'A comment', '<p>A comment</p>', @Now, @State, thread_sequence FROM submission WHERE id = @SubmissionId;
            """,
            new { Id = id, SubmissionId = submissionId, AuthorId = author.Id, State = state, Now = app.Clock.GetUtcNow() });
        return id;
    }

    public static Task<long> CommentCountAsync(this TestApp app, Guid submissionId) =>
        app.ScalarAsync<long>("SELECT COUNT(*) FROM comment WHERE submission_id = @SubmissionId", new { SubmissionId = submissionId });

    public static Task<long> ThreadSequenceAsync(this TestApp app, Guid submissionId) =>
        app.ScalarAsync<long>("SELECT thread_sequence FROM submission WHERE id = @SubmissionId", new { SubmissionId = submissionId });
}
