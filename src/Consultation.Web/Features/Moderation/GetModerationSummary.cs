using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// For the pages of a consultation, its submissions and their threads: whether the caller moderates the consultation
/// and, if so, how many flags wait in its queue. Null for everyone else (nothing to show them).
/// </summary>
public static class GetModerationSummary
{
    public sealed record Query(Guid ConsultationId) : IQuery<Result?>;

    public sealed record Result(Guid ConsultationId, int OpenFlags);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.ConsultationId).NotEmpty();
    }

    public sealed class Handler(Db db, Caller caller) : IQueryHandler<Query, Result?>
    {
        // Served by ix_moderation_flag_queue (consultation_id, status).
        const string OpenFlagsSql = "SELECT COUNT(*) FROM moderation_flag WHERE consultation_id = @ConsultationId AND status = 'open'";

        public async ValueTask<Result?> Handle(Query q, CancellationToken ct) =>
            caller.UserId is { } userId && await ModeratedContent.ModeratesAsync(db, userId, q.ConsultationId, ct)
                ? new Result(q.ConsultationId, await db.ExecuteScalarAsync<int>(OpenFlagsSql, q, ct))
                : null;
    }
}
