using Consultation.Web.Infrastructure.Database;
using Dapper;
using Mediator;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// The public moderation log: how many times content was hidden, by reason code, overall and per consultation.
/// Counts only: who flagged, who decided and what was hidden stay in the audit log.
/// </summary>
public static class GetPublicModerationLog
{
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<ReasonCount> Overall, IReadOnlyList<ConsultationCounts> Consultations);

    public sealed record ReasonCount(string ReasonCode, int Count);

    public sealed record ConsultationCounts(Guid ConsultationId, string Title, int Total, IReadOnlyList<ReasonCount> Reasons);

    sealed record Row
    {
        public Guid ConsultationId { get; init; }
        public string Title { get; init; } = "";
        public string ReasonCode { get; init; } = "";
        public int Count { get; init; }
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, Result>
    {
        // Drafts are not public, so neither are their counts.
        const string CountsSql = """
            SELECT d.consultation_id AS ConsultationId, c.title AS Title, d.reason_code AS ReasonCode, COUNT(*) AS Count
            FROM moderation_decision d JOIN consultation c ON c.id = d.consultation_id
            WHERE d.action = 'hide' AND c.status <> 'draft'
            GROUP BY d.consultation_id, c.title, d.reason_code
            ORDER BY c.title, d.consultation_id
            """;

        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            var rows = await db.QueryAsync<Row>(CountsSql, null, ct);
            var overall = ModeratedContent.Reasons
                .Select(reason => new ReasonCount(reason, rows.Where(r => r.ReasonCode == reason).Sum(r => r.Count)))
                .ToList();
            var consultations = rows
                .GroupBy(r => (r.ConsultationId, r.Title))
                .Select(g => new ConsultationCounts(g.Key.ConsultationId, g.Key.Title, g.Sum(r => r.Count),
                    [.. g.Select(r => new ReasonCount(r.ReasonCode, r.Count))]))
                .ToList();
            return new Result(overall, consultations);
        }
    }

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapGet("/log", (ISender sender, CancellationToken ct) => sender.Send(new Query(), ct))
            .WithName("GetPublicModerationLog")
            .WithSummary("Counts of content hidden by moderators, by reason code, overall and per consultation (public).");
}
