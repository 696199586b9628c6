using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Moderation;

/// <summary>A moderator shows hidden content again (a mistake, or second thoughts); audited, and the author is told.</summary>
public static class RestoreContent
{
    public sealed record Command(ContentType ObjectType, Guid ObjectId, string? Note) : ICommand<Result>, ISignedInRequest;

    public enum Result { Restored, NotHidden }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ObjectType).IsInEnum();
            RuleFor(c => c.ObjectId).NotEmpty();
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
            if (content.State != "hidden")
            {
                return Result.NotHidden;
            }
            var note = c.Note?.Trim() ?? "";
            await ModeratedContent.SetHiddenAsync(db, c.ObjectType, c.ObjectId, hidden: false, ct);
            var decision = await ModeratedContent.RecordDecisionAsync(db, content, c.ObjectType, c.ObjectId, "restore", null, note, moderator, clock.GetUtcNow(), ct);
            await audit.RecordAsync(ModerationAudit.Restored, c.ObjectType.Name(), c.ObjectId, new { DecisionId = decision, Note = note }, ct);
            await ModeratedContent.TellAuthorAsync(db, content, to => ModerationEmails.Restored(text, links, to, c.ObjectType), ct);
            return Result.Restored;
        }
    }

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapPost("/restore", async (Command command, ISender sender, CancellationToken ct) =>
                await sender.Send(command, ct) == Result.Restored ? Results.NoContent() : Results.Conflict())
            .WithName("RestoreContent")
            .WithSummary("Show hidden content again (the consultation's moderators, with two-factor sign-in).");
}
