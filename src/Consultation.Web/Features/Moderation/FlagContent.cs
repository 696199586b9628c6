using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Moderation;

/// <summary>
/// Anyone signed in flags a visible submission or comment for the moderators, with a reason and an optional note.
/// </summary>
public static class FlagContent
{
    public sealed record Command(ContentType ObjectType, Guid ObjectId, string Reason, string? Note) : ICommand<Result>, ISignedInRequest;

    public enum Result { Flagged, AlreadyFlagged }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ObjectType).IsInEnum();
            RuleFor(c => c.ObjectId).NotEmpty();
            RuleFor(c => c.Reason).Must(r => ModeratedContent.Reasons.Contains(r)).WithMessage("Choose one of the reasons.");
            RuleFor(c => c.Note).MaximumLength(ModeratedContent.NoteMaxLength);
        }
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        // The partial unique index keeps one open flag per person per object, also against a double submit.
        const string InsertSql = """
            INSERT INTO moderation_flag (id, consultation_id, object_type, object_id, reporter_user_id, reason, note, created_at)
            VALUES (@Id, @ConsultationId, @ObjectType, @ObjectId, @UserId, @Reason, @Note, @Now)
            ON CONFLICT (object_type, object_id, reporter_user_id) WHERE status = 'open' DO NOTHING
            """;

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var content = await ModeratedContent.FindAsync(db, c.ObjectType, c.ObjectId, ct);
            if (content.State != "visible")
            {
                // Only what readers see can be flagged. A pending comment or a hidden submission is not there for
                // anyone else (404 tells nothing of it), and it is already in the moderators' queue.
                throw new NotFoundException(c.ObjectType == ContentType.Submission ? "The submission" : "The comment");
            }
            var inserted = await db.ExecuteAsync(InsertSql, new
            {
                Id = Guid.CreateVersion7(),
                content.ConsultationId,
                ObjectType = c.ObjectType.Name(),
                c.ObjectId,
                UserId = caller.RequiredUserId,
                c.Reason,
                Note = c.Note?.Trim() ?? "",
                Now = clock.GetUtcNow(),
            }, ct);
            return inserted == 1 ? Result.Flagged : Result.AlreadyFlagged;
        }
    }

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapPost("/flags", async (Command command, ISender sender, CancellationToken ct) =>
                await sender.Send(command, ct) == Result.Flagged ? Results.Accepted() : Results.Conflict())
            .RequireRateLimiting(RateLimits.Posting)
            .WithName("FlagContent")
            .WithSummary("Flag a submission or comment for the moderators (signed in; one open flag per person per object).");
}
