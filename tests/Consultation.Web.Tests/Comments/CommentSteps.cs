using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Comments;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Comments;

/// <summary>The API calls the Comments tests repeat: post, list, catch up.</summary>
public static class CommentSteps
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<PostComment.Result> PostCommentAsync(
        this TestApp app, TestPerson person, Guid submissionId, string body = "A comment", Guid? parentId = null, Guid? commentId = null)
    {
        using var response = await app.Client(person).PostAsJsonAsync($"/api/submissions/{submissionId}/comments", new { body, parentId, commentId }, Ct);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<PostComment.Result>(Ct))!;
    }

    public static async Task<ListComments.Result> ListCommentsAsync(this TestApp app, TestPerson? person, Guid submissionId, string query = "")
    {
        var list = await app.Client(person).GetFromJsonAsync<ListComments.Result>($"/api/submissions/{submissionId}/comments{query}", Ct);
        return list!;
    }

    public static async Task<GetCommentsSince.Result> CommentsSinceAsync(this TestApp app, TestPerson? person, Guid submissionId, long after)
    {
        var since = await app.Client(person).GetFromJsonAsync<GetCommentsSince.Result>($"/api/submissions/{submissionId}/comments?after={after}", Ct);
        return since!;
    }

    /// <summary>Every comment in the list, depth first, as (body text, depth).</summary>
    public static IEnumerable<CommentView> Flattened(this IEnumerable<CommentNode> nodes) =>
        nodes.SelectMany(n => n.Replies.Flattened().Prepend(n.Comment));
}
