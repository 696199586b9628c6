using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using Dapper;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Audit;

/// <summary>
/// The audit log for platform admins, newest first, filtered by object, actor and a range of UTC days (both ends
/// included), a page at a time.
/// </summary>
public static class ListAuditLog
{
    public const int PageSize = 50;
    public const int ObjectTypeMaxLength = 50;

    public sealed record Query(string? ObjectType, Guid? ObjectId, Guid? ActorUserId, DateOnly? From, DateOnly? To, int Page = 1)
        : IQuery<Paged<Entry>>, IPlatformAdminRequest;

    public sealed record Entry
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public Guid? ActorUserId { get; init; }
        /// <summary>Null once the account is deleted: the entry stays, naming no one.</summary>
        public string? ActorDisplayName { get; init; }
        public string Action { get; init; } = "";
        public string ObjectType { get; init; } = "";
        public Guid ObjectId { get; init; }
        public string? Details { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<AuditMessages> text)
        {
            RuleFor(q => q.ObjectType).MaximumLength(ObjectTypeMaxLength).WithMessage(_ => text["An object type has at most {0} characters.", ObjectTypeMaxLength]);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
                .WithMessage(_ => text["The end date must not be before the start date."]);
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage(_ => text["Pages are numbered from 1."]);
        }
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, Paged<Entry>>
    {
        const string Matching = """
            FROM audit_log a LEFT JOIN "AspNetUsers" u ON u."Id" = a.actor_user_id
            WHERE (@ObjectType IS NULL OR a.object_type = @ObjectType)
              AND (@ObjectId IS NULL OR a.object_id = @ObjectId)
              AND (@ActorUserId IS NULL OR a.actor_user_id = @ActorUserId)
              AND (@Since IS NULL OR a.at >= @Since)
              AND (@Before IS NULL OR a.at < @Before)
            """;
        // v7 ids break ties between entries written in the same instant, in the order they were made.
        const string Sql = $"""
            SELECT COUNT(*) {Matching};
            SELECT a.id AS Id, a.at AS At, a.actor_user_id AS ActorUserId, u."DisplayName" AS ActorDisplayName,
                   a.action AS Action, a.object_type AS ObjectType, a.object_id AS ObjectId, a.details AS Details
            {Matching}
            ORDER BY a.at DESC, a.id DESC
            LIMIT @Take OFFSET @Skip;
            """;

        public async ValueTask<Paged<Entry>> Handle(Query q, CancellationToken ct)
        {
            using var results = await db.QueryMultipleAsync(Sql, new
            {
                ObjectType = string.IsNullOrWhiteSpace(q.ObjectType) ? null : q.ObjectType.Trim(),
                q.ObjectId,
                q.ActorUserId,
                Since = StartOf(q.From),
                Before = StartOf(q.To?.AddDays(1)),
                Take = PageSize,
                Skip = (q.Page - 1) * PageSize,
            }, ct);
            var total = await results.ReadSingleAsync<long>();
            return new Paged<Entry>((await results.ReadAsync<Entry>()).AsList(), q.Page, PageSize, total);
        }

        static DateTimeOffset? StartOf(DateOnly? day) =>
            day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder audit) =>
        audit.MapGet("/", async (string? objectType, Guid? objectId, Guid? actorUserId, DateOnly? from, DateOnly? to, int? page,
                    ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Query(objectType, objectId, actorUserId, from, to, page ?? 1), ct)))
            .WithName("ListAuditLog")
            .WithSummary("Audit log entries, newest first (platform admins, with two-factor sign-in).");
}
