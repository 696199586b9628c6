using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// A moderator hides a submission or comment with a reason code and a note: its open flags are closed as actioned,
/// the decision is audited, and the author is told by email with a link to appeal.
/// </summary>
public static class HideContent
{
    public sealed record Command(ContentType ObjectType, Guid ObjectId, string ReasonCode, string? Note) : ICommand<Result>, ISignedInRequest;

    public enum Result { Hidden, AlreadyHidden }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ObjectType).IsInEnum();
            RuleFor(c => c.ObjectId).NotEmpty();
            RuleFor(c => c.ReasonCode).Must(r => ModeratedContent.Reasons.Contains(r)).WithMessage("Choose one of the reasons.");
            RuleFor(c => c.Note).MaximumLength(ModeratedContent.NoteMaxLength);
        }
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, AuditLog audit, PublicLinks links, IStringLocalizer<ModerationText> text, TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var moderator = caller.RequiredUserId;
            var content = await ModeratedContent.FindAsync(db, c.ObjectType, c.ObjectId, ct);
            await ModeratedContent.RequireModeratorAsync(db, rules, moderator, content.ConsultationId, ct);
            if (content.State == "hidden")
            {
                return Result.AlreadyHidden;
            }
            var now = clock.GetUtcNow();
            var note = c.Note?.Trim() ?? "";
            await ModeratedContent.CloseFlagsAsync(db, c.ObjectType, c.ObjectId, "actioned", moderator, now, ct);
            var decision = await ModeratedContent.RecordDecisionAsync(db, content, c.ObjectType, c.ObjectId, "hide", c.ReasonCode, note, moderator, now, ct);
            // After the decision: the live event tells open pages its reason.
            await ModeratedContent.SetHiddenAsync(db, c.ObjectType, c.ObjectId, hidden: true, ct);
            await audit.RecordAsync(ModerationAudit.Hidden, c.ObjectType.Name(), c.ObjectId, new { DecisionId = decision, c.ReasonCode, Note = note }, ct);
            await ModeratedContent.TellAuthorAsync(db, content, to => ModerationEmails.Hidden(text, links, to, c.ObjectType, c.ReasonCode, note), ct);
            return Result.Hidden;
        }
    }

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapPost("/hide", async (Command command, ISender sender, CancellationToken ct) =>
                await sender.Send(command, ct) == Result.Hidden ? Results.NoContent() : Results.Conflict())
            .WithName("HideContent")
            .WithSummary("Hide a submission or comment (the consultation's moderators, with two-factor sign-in).");
}
