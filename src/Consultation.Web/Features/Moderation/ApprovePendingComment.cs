using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Moderation;

/// <summary>With pre-moderation, a moderator lets a waiting comment through (pending -> visible); audited.</summary>
public static class ApprovePendingComment
{
    public sealed record Command(Guid CommentId) : ICommand<Result>, ISignedInRequest;

    public enum Result { Approved, NotPending }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.CommentId).NotEmpty();
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, AuditLog audit, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var moderator = caller.RequiredUserId;
            var content = await ModeratedContent.FindAsync(db, ContentType.Comment, c.CommentId, ct);
            await ModeratedContent.RequireModeratorAsync(db, rules, moderator, content.ConsultationId, ct);
            if (content.State != "pending")
            {
                return Result.NotPending;
            }
            await ModeratedContent.SetHiddenAsync(db, ContentType.Comment, c.CommentId, hidden: false, ct);
            var decision = await ModeratedContent.RecordDecisionAsync(db, content, ContentType.Comment, c.CommentId, "approve", null, "", moderator, clock.GetUtcNow(), ct);
            await audit.RecordAsync(ModerationAudit.Approved, ContentType.Comment.Name(), c.CommentId, new { DecisionId = decision }, ct);
            return Result.Approved;
        }
    }

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapPost("/comments/{commentId:guid}/approve", async (Guid commentId, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(commentId), ct) == Result.Approved ? Results.NoContent() : Results.Conflict())
            .WithName("ApprovePendingComment")
            .WithSummary("Let a pre-moderated comment through (the consultation's moderators, with two-factor sign-in).");
}
