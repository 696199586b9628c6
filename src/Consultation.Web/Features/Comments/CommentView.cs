namespace Consultation.Web.Features.Comments;

/// <summary>One comment as readers see it, on the page, in the API and in live events.</summary>
public sealed record CommentView
{
    public Guid Id { get; init; }
    public Guid SubmissionId { get; init; }
    public Guid? ParentId { get; init; }
    public int Depth { get; init; }
    public string AuthorName { get; init; } = "";
    public Guid? AuthorId { get; init; }

    /// <summary>Sanitised when the comment was saved; empty for a hidden comment (except for its moderators).</summary>
    public string BodyHtml { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>"visible", "pending" (waits for a moderator) or "hidden".</summary>
    public string State { get; init; } = "visible";
    public int Upvotes { get; init; }

    /// <summary>For a hidden comment, the reason code the moderator gave (see ModeratedContent.Reasons).</summary>
    public string? HiddenReason { get; init; }

    /// <summary>The thread sequence of the event that created or last changed the comment.</summary>
    public long Sequence { get; init; }
}

/// <summary>A comment with its replies, for the threaded list.</summary>
public sealed record CommentNode(CommentView Comment, bool CallerUpvoted, IReadOnlyList<CommentNode> Replies);

/// <summary>Published after commit when a comment others may see was posted (never for pending ones).</summary>
public sealed record CommentPosted(CommentView Comment) : Mediator.INotification;

/// <summary>
/// Published after commit when a moderator hid, restored or approved a comment: the comment in its new state (a
/// hidden one without its text), with the new thread sequence.
/// </summary>
public sealed record CommentModerated(CommentView Comment) : Mediator.INotification;

/// <summary>Published after commit when a moderator hid or restored a whole submission, and so its thread.</summary>
public sealed record ThreadVisibilityChanged(Guid SubmissionId, bool Hidden, long Sequence) : Mediator.INotification;

/// <summary>Published after commit when a comment's up-vote tally changed.</summary>
public sealed record CommentUpvoted(Guid SubmissionId, Guid CommentId, int Upvotes, long Sequence) : Mediator.INotification;
