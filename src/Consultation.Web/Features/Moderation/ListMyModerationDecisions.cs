using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Moderation;

/// <summary>An author's view of the decisions to hide or restore their submissions and comments, and their appeals.</summary>
public static class ListMyModerationDecisions
{
    public sealed record Query : IQuery<IReadOnlyList<Decision>>, ISignedInRequest;

    public sealed record Decision
    {
        public Guid DecisionId { get; init; }
        public string ObjectType { get; init; } = "";
        public Guid ObjectId { get; init; }
        public string Excerpt { get; init; } = "";
        public string Action { get; init; } = "";
        public string? ReasonCode { get; init; }
        public string Note { get; init; } = "";
        public DateTimeOffset At { get; init; }
        /// <summary>"open", "upheld", "overturned", or null when not appealed.</summary>
        public string? AppealStatus { get; init; }
        public string? AppealNote { get; init; }

        public bool CanAppeal => Action == "hide" && AppealStatus is null;
    }

    public sealed class Handler(Db db, Caller caller) : IQueryHandler<Query, IReadOnlyList<Decision>>
    {
        // The moderator's identity is left out on purpose: authors see what was decided and why, not by whom.
        const string DecisionsSql = """
            SELECT d.id AS DecisionId, d.object_type AS ObjectType, d.object_id AS ObjectId,
                   COALESCE(s.title, SUBSTR(c.body, 1, 200), '') AS Excerpt,
                   d.action AS Action, d.reason_code AS ReasonCode, d.note AS Note, d.at AS At,
                   a.status AS AppealStatus, a.note AS AppealNote
            FROM moderation_decision d
            LEFT JOIN moderation_appeal a ON a.decision_id = d.id
            LEFT JOIN submission s ON d.object_type = 'submission' AND s.id = d.object_id
            LEFT JOIN comment c ON d.object_type = 'comment' AND c.id = d.object_id
            WHERE d.author_user_id = @UserId AND d.action IN ('hide', 'restore')
            ORDER BY d.at DESC, d.id DESC
            """;

        public async ValueTask<IReadOnlyList<Decision>> Handle(Query q, CancellationToken ct) =>
            await db.QueryAsync<Decision>(DecisionsSql, new { UserId = caller.RequiredUserId }, ct);
    }

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapGet("/mine", (ISender sender, CancellationToken ct) => sender.Send(new Query(), ct))
            .WithName("ListMyModerationDecisions")
            .WithSummary("Decisions to hide or restore the caller's submissions and comments, with their appeals (signed in).");
}
