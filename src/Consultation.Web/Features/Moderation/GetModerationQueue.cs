using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// What waits for a consultation's moderators: flagged content grouped by object with counts per reason, comments
/// held by pre-moderation, hidden content (to restore), and open appeals.
/// </summary>
public static class GetModerationQueue
{
    public const int ExcerptLength = 200;

    public sealed record Query(Guid ConsultationId) : IQuery<Result>, ISignedInRequest;

    public sealed record Result(
        Guid ConsultationId,
        string ConsultationTitle,
        IReadOnlyList<FlaggedItem> Flagged,
        IReadOnlyList<Item> Pending,
        IReadOnlyList<Item> Hidden,
        IReadOnlyList<OpenAppeal> Appeals);

    public sealed record FlaggedItem(string ObjectType, Guid ObjectId, string Excerpt, string State, int Flags, IReadOnlyList<ReasonCount> Reasons);

    public sealed record ReasonCount(string Reason, int Count);

    public sealed record Item
    {
        public string ObjectType { get; init; } = "";
        public Guid ObjectId { get; init; }
        public string Excerpt { get; init; } = "";
    }

    public sealed record OpenAppeal
    {
        public Guid AppealId { get; init; }
        public string ObjectType { get; init; } = "";
        public Guid ObjectId { get; init; }
        public string Excerpt { get; init; } = "";
        public string? ReasonCode { get; init; }
        public string DecisionNote { get; init; } = "";
        public string Statement { get; init; } = "";
        /// <summary>The caller hid this content, so someone else must decide.</summary>
        public bool DecidedByCaller { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.ConsultationId).NotEmpty();
    }

    sealed record FlagRow
    {
        public string ObjectType { get; init; } = "";
        public Guid ObjectId { get; init; }
        public string Excerpt { get; init; } = "";
        public string State { get; init; } = "";
        public string Reason { get; init; } = "";
        public int Count { get; init; }
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules) : IQueryHandler<Query, Result>
    {
        const string ConsultationSql = "SELECT title AS Title, status AS Status FROM consultation WHERE id = @ConsultationId";

        // Excerpts: the submission's title, or the start of the comment.
        const string QueueSql = """
            SELECT f.object_type AS ObjectType, f.object_id AS ObjectId,
                   COALESCE(s.title, SUBSTR(c.body, 1, @ExcerptLength), '') AS Excerpt,
                   CASE WHEN s.hidden = @True OR c.state = 'hidden' THEN 'hidden' WHEN c.state = 'pending' THEN 'pending' ELSE 'visible' END AS State,
                   f.reason AS Reason, COUNT(*) AS Count
            FROM moderation_flag f
            LEFT JOIN submission s ON f.object_type = 'submission' AND s.id = f.object_id
            LEFT JOIN comment c ON f.object_type = 'comment' AND c.id = f.object_id
            WHERE f.consultation_id = @ConsultationId AND f.status = 'open'
            GROUP BY f.object_type, f.object_id, s.title, s.hidden, c.body, c.state, f.reason
            ORDER BY MIN(f.created_at);

            SELECT 'comment' AS ObjectType, c.id AS ObjectId, SUBSTR(c.body, 1, @ExcerptLength) AS Excerpt
            FROM comment c JOIN submission s ON s.id = c.submission_id
            WHERE s.consultation_id = @ConsultationId AND c.state = 'pending'
            ORDER BY c.created_at;

            SELECT 'submission' AS ObjectType, id AS ObjectId, title AS Excerpt
            FROM submission WHERE consultation_id = @ConsultationId AND hidden = @True
            UNION ALL
            SELECT 'comment', c.id, SUBSTR(c.body, 1, @ExcerptLength)
            FROM comment c JOIN submission s ON s.id = c.submission_id
            WHERE s.consultation_id = @ConsultationId AND c.state = 'hidden';

            SELECT a.id AS AppealId, d.object_type AS ObjectType, d.object_id AS ObjectId,
                   COALESCE(s.title, SUBSTR(c.body, 1, @ExcerptLength), '') AS Excerpt,
                   d.reason_code AS ReasonCode, d.note AS DecisionNote, a.statement AS Statement,
                   d.moderator_user_id = @UserId AS DecidedByCaller
            FROM moderation_appeal a
            JOIN moderation_decision d ON d.id = a.decision_id
            LEFT JOIN submission s ON d.object_type = 'submission' AND s.id = d.object_id
            LEFT JOIN comment c ON d.object_type = 'comment' AND c.id = d.object_id
            WHERE d.consultation_id = @ConsultationId AND a.status = 'open'
            ORDER BY a.created_at;
            """;

        sealed record ConsultationRow
        {
            public string Title { get; init; } = "";
            public string Status { get; init; } = "";
        }

        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            var userId = caller.RequiredUserId;
            var consultation = await db.QuerySingleOrDefaultAsync<ConsultationRow>(ConsultationSql, q, ct);
            // A draft consultation does not exist for those who do not run it: 404, not 403.
            if (consultation is null || (consultation.Status == "draft" && !await ModeratedContent.ModeratesAsync(db, userId, q.ConsultationId, ct)))
            {
                throw new NotFoundException("The consultation");
            }
            await ModeratedContent.RequireModeratorAsync(db, rules, userId, q.ConsultationId, ct);
            using var grid = await db.QueryMultipleAsync(QueueSql, new { q.ConsultationId, UserId = userId, True = true, ExcerptLength }, ct);
            var flagged = (await grid.ReadAsync<FlagRow>())
                .GroupBy(r => (r.ObjectType, r.ObjectId))
                .Select(g => new FlaggedItem(g.Key.ObjectType, g.Key.ObjectId, g.First().Excerpt, g.First().State, g.Sum(r => r.Count),
                    [.. g.OrderByDescending(r => r.Count).Select(r => new ReasonCount(r.Reason, r.Count))]))
                .ToList();
            var pending = (await grid.ReadAsync<Item>()).AsList();
            var hidden = (await grid.ReadAsync<Item>()).AsList();
            var appeals = (await grid.ReadAsync<OpenAppeal>()).AsList();
            return new Result(q.ConsultationId, consultation.Title, flagged, pending, hidden, appeals);
        }
    }

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapGet("/consultations/{consultationId:guid}/queue", (Guid consultationId, ISender sender, CancellationToken ct) =>
                sender.Send(new Query(consultationId), ct))
            .WithName("GetModerationQueue")
            .WithSummary("Flagged, pending and hidden content and open appeals of a consultation (its moderators, with two-factor sign-in).");
}
