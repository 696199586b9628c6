using System.Text.Json.Serialization;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// A moderator other than the one who hid the content rules on the author's appeal: uphold (it stays hidden) or
/// overturn (it is shown again). Audited, and the author is told.
/// </summary>
public static class DecideAppeal
{
    [JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
    public enum Outcome { Uphold, Overturn }

    public sealed record Command(Guid AppealId, Outcome Outcome, string? Note) : ICommand<Result>, ISignedInRequest;

    public enum Result { Decided, AlreadyDecided }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AppealId).NotEmpty();
            RuleFor(c => c.Outcome).IsInEnum();
            RuleFor(c => c.Note).MaximumLength(ModeratedContent.NoteMaxLength);
        }
    }

    sealed record Appeal
    {
        public Guid ConsultationId { get; init; }
        public string ObjectType { get; init; } = "";
        public Guid ObjectId { get; init; }
        public Guid ModeratorUserId { get; init; }
        public string Status { get; init; } = "";
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, AuditLog audit, PublicLinks links, IStringLocalizer<ModerationText> text, TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        const string AppealSql = """
            SELECT d.consultation_id AS ConsultationId, d.object_type AS ObjectType, d.object_id AS ObjectId,
                   d.moderator_user_id AS ModeratorUserId, a.status AS Status
            FROM moderation_appeal a JOIN moderation_decision d ON d.id = a.decision_id WHERE a.id = @AppealId
            """;
        const string DecideSql = """
            UPDATE moderation_appeal SET status = @Status, decided_by = @UserId, decided_at = @Now, note = @Note
            WHERE id = @AppealId AND status = 'open'
            """;

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var userId = caller.RequiredUserId;
            var appeal = await db.QuerySingleOrDefaultAsync<Appeal>(AppealSql, c, ct) ?? throw new NotFoundException("The appeal");
            await ModeratedContent.RequireModeratorAsync(db, rules, userId, appeal.ConsultationId, ct);
            if (appeal.ModeratorUserId == userId)
            {
                throw new AccessDeniedException("Another moderator must decide an appeal against your own decision.");
            }
            var now = clock.GetUtcNow();
            var note = c.Note?.Trim() ?? "";
            var overturn = c.Outcome == Outcome.Overturn;
            if (await db.ExecuteAsync(DecideSql, new { c.AppealId, Status = overturn ? "overturned" : "upheld", UserId = userId, Now = now, Note = note }, ct) == 0)
            {
                return Result.AlreadyDecided;
            }
            var type = ModeratedContent.Parse(appeal.ObjectType)!.Value;
            var content = await ModeratedContent.FindAsync(db, type, appeal.ObjectId, ct);
            if (overturn && content.State == "hidden")
            {
                await ModeratedContent.SetHiddenAsync(db, type, appeal.ObjectId, hidden: false, ct);
                await ModeratedContent.RecordDecisionAsync(db, content, type, appeal.ObjectId, "restore", null, note, userId, now, ct);
            }
            await audit.RecordAsync(overturn ? ModerationAudit.AppealOverturned : ModerationAudit.AppealUpheld, appeal.ObjectType, appeal.ObjectId,
                new { c.AppealId, Note = note }, ct);
            await ModeratedContent.TellAuthorAsync(db, content, to => ModerationEmails.AppealDecided(text, links, to, type, overturn, note), ct);
            return Result.Decided;
        }
    }

    public sealed record Body(Outcome Outcome, string? Note);

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapPost("/appeals/{appealId:guid}/decide", async (Guid appealId, Body body, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(appealId, body.Outcome, body.Note), ct) == Result.Decided ? Results.NoContent() : Results.Conflict())
            .WithName("DecideAppeal")
            .WithSummary("Uphold or overturn an appeal (a moderator other than the one who hid the content, with two-factor sign-in).");
}
