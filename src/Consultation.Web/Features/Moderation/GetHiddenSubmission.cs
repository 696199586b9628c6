using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// Whether a submission is hidden by a moderator, so that its page and thread can say so instead of a bare 404.
/// Public, and it tells nothing more than that: not the title, the author or the reason.
/// </summary>
public static class GetHiddenSubmission
{
    public sealed record Query(Guid SubmissionId) : IQuery<Result?>;

    /// <param name="ConsultationId">Where readers can go on from here.</param>
    public sealed record Result(Guid SubmissionId, Guid ConsultationId);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.SubmissionId).NotEmpty();
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, Result?>
    {
        // Drafts were never public, so they stay a plain 404.
        const string HiddenSql = """
            SELECT consultation_id FROM submission WHERE id = @SubmissionId AND status <> 'draft' AND hidden = @True
            """;

        public async ValueTask<Result?> Handle(Query q, CancellationToken ct) =>
            await db.ExecuteScalarAsync<Guid?>(HiddenSql, new { q.SubmissionId, True = true }, ct) is { } consultationId
                ? new Result(q.SubmissionId, consultationId)
                : null;
    }
}
