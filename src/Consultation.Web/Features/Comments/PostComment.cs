using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Text;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace Consultation.Web.Features.Comments;

/// <summary>
/// A signed-in person comments on a submission, or replies to a comment in its thread. The client may choose the
/// comment's id (its idempotency key): a retried post with the same id returns the first one instead of a duplicate.
/// </summary>
public static class PostComment
{
    public const int MaxBodyLength = 10_000;

    public sealed record Command(Guid SubmissionId, string Body, Guid? ParentId = null, Guid? CommentId = null)
        : ICommand<Result>, ISignedInRequest;

    /// <param name="AlreadyPosted">True when this id had been posted before by the same person (a retry).</param>
    public sealed record Result(Guid CommentId, string State, long Sequence, bool AlreadyPosted);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SubmissionId).NotEmpty();
            RuleFor(c => c.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("Write a comment.")
                .MaximumLength(MaxBodyLength).WithMessage("A comment has at most 10,000 characters.");
            RuleFor(c => c.ParentId).NotEqual(Guid.Empty).WithMessage("The comment you reply to is not in this thread.");
            RuleFor(c => c.CommentId).NotEqual(Guid.Empty).WithMessage("The comment id is not valid.");
        }
    }

    public sealed class Handler(Db db, Caller caller, MarkdownRenderer markdown, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        const string ExistingSql = """
            SELECT c.id AS Id, c.submission_id AS SubmissionId, c.author_user_id AS AuthorId, c.state AS State, c.sequence AS Sequence
            FROM comment c WHERE c.id = @Id
            """;
        const string ParentSql = """
            SELECT c.id AS Id, c.parent_id AS ParentId, c.depth AS Depth FROM comment c
            WHERE c.id = @ParentId AND c.submission_id = @SubmissionId AND c.state <> 'hidden'
              AND (c.state = 'visible' OR c.author_user_id = @CallerId OR @CallerModerates = @True)
            """;
        const string InsertSql = """
            INSERT INTO comment (id, submission_id, parent_id, depth, author_user_id, body, body_html, created_at, state, upvotes, sequence)
            VALUES (@Id, @SubmissionId, @ParentId, @Depth, @AuthorId, @Body, @BodyHtml, @CreatedAt, @State, 0, @Sequence)
            ON CONFLICT (id) DO NOTHING
            """;

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var author = caller.RequiredUserId;
            var id = command.CommentId ?? Guid.CreateVersion7();
            if (await RetriedAsync(id, command, author, ct) is { } earlier)
            {
                return earlier;
            }
            var thread = await CommentThreads.RequireOpenAsync(db, command.SubmissionId, ct);
            var moderates = await CommentThreads.ModeratesAsync(db, thread, author, ct);
            var (parentId, depth) = await PlaceAsync(command, author, moderates, ct);
            var sequence = await CommentThreads.NextSequenceAsync(db, thread.SubmissionId, ct);
            var state = thread.PreModeration && !moderates ? "pending" : "visible";
            var inserted = await db.ExecuteAsync(InsertSql, new
            {
                Id = id,
                command.SubmissionId,
                ParentId = parentId,
                Depth = depth,
                AuthorId = author,
                command.Body,
                BodyHtml = markdown.ToSafeHtml(command.Body),
                CreatedAt = clock.GetUtcNow(),
                State = state,
                Sequence = sequence,
            }, ct);
            // A concurrent retry with the same id won the race (PostgreSQL): answer as for any retry.
            if (inserted == 0)
            {
                return await RetriedAsync(id, command, author, ct) ?? throw IdTaken();
            }
            if (state == "visible")
            {
                db.AfterCommit(new CommentPosted(await CommentThreads.PublicViewAsync(db, id, ct)));
            }
            return new Result(id, state, sequence, AlreadyPosted: false);
        }

        async Task<Result?> RetriedAsync(Guid id, Command command, Guid author, CancellationToken ct)
        {
            var existing = await db.QuerySingleOrDefaultAsync<CommentView>(ExistingSql, new { Id = id }, ct);
            if (existing is null)
            {
                return null;
            }
            if (existing.AuthorId != author || existing.SubmissionId != command.SubmissionId)
            {
                throw IdTaken();
            }
            return new Result(id, existing.State, existing.Sequence, AlreadyPosted: true);
        }

        async Task<(Guid? ParentId, int Depth)> PlaceAsync(Command command, Guid author, bool moderates, CancellationToken ct)
        {
            if (command.ParentId is not { } parentId)
            {
                return (null, 0);
            }
            var parent = await db.QuerySingleOrDefaultAsync<CommentView>(ParentSql,
                new { ParentId = parentId, command.SubmissionId, CallerId = author, CallerModerates = moderates, True = true }, ct)
                ?? throw new ValidationException([new ValidationFailure(nameof(Command.ParentId), "The comment you reply to is not in this thread.")]);
            return parent.Depth >= CommentThreads.MaxDepth ? (parent.ParentId, CommentThreads.MaxDepth) : (parent.Id, parent.Depth + 1);
        }

        static ValidationException IdTaken() =>
            new([new ValidationFailure(nameof(Command.CommentId), "This comment id is already in use.")]);
    }

    public sealed record Request(string? Body, Guid? ParentId, Guid? CommentId);

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapPost("/{submissionId:guid}/comments", async (Guid submissionId, Request body, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new Command(submissionId, body.Body ?? "", body.ParentId, body.CommentId), ct);
                return result.AlreadyPosted
                    ? Results.Ok(result)
                    : Results.Created($"/api/submissions/{submissionId}/comments?after={result.Sequence - 1}", result);
            })
            .RequireRateLimiting(RateLimits.Posting)
            .WithName("PostComment")
            .WithSummary("Comments on a submission or replies to a comment; commentId (client-chosen) makes retries safe.");
}
