namespace Consultation.Web.Features.Comments;

public static class CommentsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var threads = api.MapGroup("/submissions").WithTags("Comments");
        PostComment.Map(threads);
        ListComments.Map(threads);
        var comments = api.MapGroup("/comments").WithTags("Comments");
        UpvoteComment.Map(comments);
        RemoveUpvote.Map(comments);
    }
}
