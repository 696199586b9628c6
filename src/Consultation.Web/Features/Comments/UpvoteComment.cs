using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Comments;

/// <summary>A signed-in person supports a visible comment, once.</summary>
public static class UpvoteComment
{
    public sealed record Command(Guid CommentId) : ICommand<CommentVotes.Result>, ISignedInRequest;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.CommentId).NotEmpty();
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : ICommandHandler<Command, CommentVotes.Result>
    {
        public async ValueTask<CommentVotes.Result> Handle(Command command, CancellationToken ct) =>
            await CommentVotes.ChangeAsync(db, command.CommentId, caller.RequiredUserId, upvote: true, clock.GetUtcNow(), ct);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder comments) =>
        comments.MapPost("/{commentId:guid}/upvote", async (Guid commentId, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Command(commentId), ct)))
            .RequireRateLimiting(RateLimits.Posting)
            .WithName("UpvoteComment")
            .WithSummary("Adds the caller's up-vote to a comment (once; repeating it changes nothing).");
}
