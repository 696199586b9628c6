using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Moderation;

/// <summary>The author of hidden content appeals the decision once, saying why it should be shown again.</summary>
public static class AppealDecision
{
    public const int StatementMaxLength = 4000;

    public sealed record Command(Guid DecisionId, string Statement) : ICommand<Result>, ISignedInRequest;

    public enum Result { Appealed, AlreadyAppealed }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DecisionId).NotEmpty();
            RuleFor(c => c.Statement).NotEmpty().WithMessage("Say why the decision should change.").MaximumLength(StatementMaxLength);
        }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        // Only decisions to hide the caller's own content can be appealed; anything else is not theirs to know about.
        const string IsAppealableSql = """
            SELECT 1 FROM moderation_decision WHERE id = @DecisionId AND action = 'hide' AND author_user_id = @UserId
            """;
        const string InsertSql = """
            INSERT INTO moderation_appeal (id, decision_id, appellant_user_id, statement, created_at)
            VALUES (@Id, @DecisionId, @UserId, @Statement, @Now)
            ON CONFLICT (decision_id) DO NOTHING
            """;

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var userId = caller.RequiredUserId;
            if (!await db.ExistsAsync(IsAppealableSql, new { c.DecisionId, UserId = userId }, ct))
            {
                throw new NotFoundException("The decision");
            }
            var inserted = await db.ExecuteAsync(InsertSql, new
            {
                Id = Guid.CreateVersion7(),
                c.DecisionId,
                UserId = userId,
                Statement = c.Statement.Trim(),
                Now = clock.GetUtcNow(),
            }, ct);
            return inserted == 1 ? Result.Appealed : Result.AlreadyAppealed;
        }
    }

    public sealed record Body(string Statement);

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapPost("/decisions/{decisionId:guid}/appeal", async (Guid decisionId, Body body, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(decisionId, body.Statement), ct) == Result.Appealed ? Results.Accepted() : Results.Conflict())
            .RequireRateLimiting(RateLimits.Posting)
            .WithName("AppealDecision")
            .WithSummary("Appeal a decision to hide your content (the author, once per decision).");
}
