using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Moderation;

/// <summary>A moderator decides that flagged content may stay: its open flags are closed as dismissed; audited.</summary>
public static class DismissFlags
{
    public sealed record Command(ContentType ObjectType, Guid ObjectId, string? Note) : ICommand<Result>, ISignedInRequest;

    public enum Result { Dismissed, NoOpenFlags }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ObjectType).IsInEnum();
            RuleFor(c => c.ObjectId).NotEmpty();
            RuleFor(c => c.Note).MaximumLength(ModeratedContent.NoteMaxLength);
        }
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, AuditLog audit, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var moderator = caller.RequiredUserId;
            var content = await ModeratedContent.FindAsync(db, c.ObjectType, c.ObjectId, ct);
            await ModeratedContent.RequireModeratorAsync(db, rules, moderator, content.ConsultationId, ct);
            var now = clock.GetUtcNow();
            var dismissed = await ModeratedContent.CloseFlagsAsync(db, c.ObjectType, c.ObjectId, "dismissed", moderator, now, ct);
            if (dismissed == 0)
            {
                return Result.NoOpenFlags;
            }
            var note = c.Note?.Trim() ?? "";
            var decision = await ModeratedContent.RecordDecisionAsync(db, content, c.ObjectType, c.ObjectId, "dismiss", null, note, moderator, now, ct);
            await audit.RecordAsync(ModerationAudit.FlagsDismissed, c.ObjectType.Name(), c.ObjectId,
                new { DecisionId = decision, Flags = dismissed, Note = note }, ct);
            return Result.Dismissed;
        }
    }

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapPost("/dismiss", async (Command command, ISender sender, CancellationToken ct) =>
                await sender.Send(command, ct) == Result.Dismissed ? Results.NoContent() : Results.Conflict())
            .WithName("DismissFlags")
            .WithSummary("Dismiss the open flags on a submission or comment (the consultation's moderators, with two-factor sign-in).");
}
