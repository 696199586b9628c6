using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// Writes a submission's tags and named authors from its text, replacing the previous ones. Authors who stay keep
/// their agreement; the person writing agrees for themselves by naming themselves.
/// </summary>
public static class SubmissionTags
{
    const string SqliteMembersSql = "SELECT COUNT(*) FROM organisation_member WHERE organisation_id = @OrganisationId AND user_id IN @Ids";
    const string PostgresMembersSql = "SELECT COUNT(*) FROM organisation_member WHERE organisation_id = @OrganisationId AND user_id = ANY(@Ids)";
    const string ClearSql = """
        DELETE FROM submission_priority WHERE submission_id = @Id;
        DELETE FROM submission_objective WHERE submission_id = @Id;
        """;
    const string SqliteRemoveAuthorsSql = "DELETE FROM submission_author WHERE submission_id = @Id AND user_id NOT IN @Ids";
    const string PostgresRemoveAuthorsSql = "DELETE FROM submission_author WHERE submission_id = @Id AND NOT (user_id = ANY(@Ids))";
    const string InsertPrioritySql = "INSERT INTO submission_priority (submission_id, priority_code) VALUES (@Id, @Code)";
    const string InsertObjectiveSql = "INSERT INTO submission_objective (submission_id, objective_number) VALUES (@Id, @Number)";
    const string InsertAuthorSql = """
        INSERT INTO submission_author (submission_id, user_id, invited_at, agreed_at) VALUES (@Id, @UserId, @Now, @AgreedAt)
        ON CONFLICT (submission_id, user_id) DO NOTHING
        """;

    /// <summary>Named authors are chosen among the organisation's members; anyone else is a field error (400).</summary>
    public static async Task RequireAuthorsAreMembersAsync(
        Db db, IStringLocalizer<SubmissionMessages> text, SubmissionText submission, Guid organisationId, string fieldPrefix, CancellationToken ct)
    {
        var authors = submission.Authors.ToArray();
        if (authors.Length == 0)
        {
            return;
        }
        var members = await db.ExecuteScalarAsync<long>(db.Dialect == Dialect.Sqlite ? SqliteMembersSql : PostgresMembersSql, new { OrganisationId = organisationId, Ids = authors }, ct);
        if (members != authors.Length)
        {
            throw new ValidationException([new ValidationFailure($"{fieldPrefix}.{nameof(SubmissionText.NamedAuthorIds)}",
                text["Named authors must be members of the organisation."])]);
        }
    }

    public static async Task WriteAsync(Db db, Guid submissionId, SubmissionText submission, Guid writerId, DateTimeOffset now, CancellationToken ct)
    {
        await db.ExecuteAsync(ClearSql, new { Id = submissionId }, ct);
        foreach (var code in submission.PriorityCodes.Distinct())
        {
            await db.ExecuteAsync(InsertPrioritySql, new { Id = submissionId, Code = code }, ct);
        }
        foreach (var number in submission.ObjectiveNumbers.Distinct())
        {
            await db.ExecuteAsync(InsertObjectiveSql, new { Id = submissionId, Number = number }, ct);
        }
        var authors = submission.Authors.ToArray();
        await db.ExecuteAsync(db.Dialect == Dialect.Sqlite ? SqliteRemoveAuthorsSql : PostgresRemoveAuthorsSql, new { Id = submissionId, Ids = authors }, ct);
        foreach (var author in authors)
        {
            await db.ExecuteAsync(InsertAuthorSql,
                new { Id = submissionId, UserId = author, Now = now, AgreedAt = author == writerId ? now : (DateTimeOffset?)null }, ct);
        }
    }
}
