using Consultation.Web.Features.Moderation;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultation.Web.Features.Comments;

/// <summary>
/// A submission's comment thread: read by anyone, posted to, replied to and up-voted by signed-in people through
/// plain forms (so it works without JavaScript); comments.ts adds live updates on top.
/// </summary>
[EnableRateLimiting(RateLimits.Posting)]
public sealed class ThreadModel(ISender sender) : PageModel
{
    public ListComments.Result Thread { get; private set; } = null!;

    [BindProperty]
    public PostForm Input { get; set; } = new();

    /// <summary>English text of the outcome of the last post, shown (translated) after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    public sealed class PostForm
    {
        public string? Body { get; set; }
        public Guid? ParentId { get; set; }

        /// <summary>Chosen when the form is shown, so that submitting it twice posts once.</summary>
        public Guid? CommentId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, ListComments.Sort sort = ListComments.Sort.Newest, int pageNumber = 1) =>
        await LoadAsync(id, sort, pageNumber) ? Page() : await this.NotFoundOrHiddenAsync(sender, id);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var result = await this.SendAsync(sender, new PostComment.Command(id, Input.Body ?? "", Input.ParentId, Input.CommentId), posted =>
        {
            Notice = posted.State == "pending" ? "Your comment was received. It appears once a moderator approves it." : null;
            return Redirect($"{HttpContext.Request.Path}#comment-{posted.CommentId}");
        }, fieldPrefix: nameof(Input));
        return result is PageResult && !await LoadAsync(id, ListComments.Sort.Newest, 1) ? NotFound() : result;
    }

    public Task<IActionResult> OnPostUpvoteAsync(Guid id, Guid commentId, ListComments.Sort sort, int pageNumber = 1) =>
        VoteAsync(id, new UpvoteComment.Command(commentId), commentId, sort, pageNumber);

    public Task<IActionResult> OnPostRemoveUpvoteAsync(Guid id, Guid commentId, ListComments.Sort sort, int pageNumber = 1) =>
        VoteAsync(id, new RemoveUpvote.Command(commentId), commentId, sort, pageNumber);

    async Task<IActionResult> VoteAsync(Guid id, ICommand<CommentVotes.Result> vote, Guid commentId, ListComments.Sort sort, int pageNumber)
    {
        var result = await this.SendAsync(sender, vote, _ => Redirect($"{HttpContext.Request.Path}?sort={sort}&pageNumber={pageNumber}#comment-{commentId}"));
        return result is PageResult && !await LoadAsync(id, sort, pageNumber) ? NotFound() : result;
    }

    /// <summary>A link to this thread in another order or on another page.</summary>
    public string Link(ListComments.Sort sort, int pageNumber = 1) =>
        $"/Submissions/{Thread.SubmissionId}/Comments?sort={sort}" + (pageNumber > 1 ? $"&pageNumber={pageNumber}" : "");

    /// <summary>The errors of the post form, shown at the form that was sent (the main one, or one reply form).</summary>
    public IEnumerable<string> ErrorsFor(Guid? parentId) =>
        Input.ParentId == parentId
            ? ModelState.Where(e => e.Key.StartsWith(nameof(Input), StringComparison.Ordinal)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage)
            : [];

    async Task<bool> LoadAsync(Guid id, ListComments.Sort sort, int pageNumber)
    {
        try
        {
            Thread = await sender.Send(new ListComments.Query(id, Enum.IsDefined(sort) ? sort : ListComments.Sort.Newest, Math.Max(1, pageNumber)),
                HttpContext.RequestAborted);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
