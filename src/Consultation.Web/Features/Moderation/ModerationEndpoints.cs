namespace Consultation.Web.Features.Moderation;

public static class ModerationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var moderation = api.MapGroup("/moderation").WithTags("Moderation");
        FlagContent.Map(moderation);
        GetModerationQueue.Map(moderation);
        HideContent.Map(moderation);
        RestoreContent.Map(moderation);
        DismissFlags.Map(moderation);
        ApprovePendingComment.Map(moderation);
        AppealDecision.Map(moderation);
        DecideAppeal.Map(moderation);
        GetPublicModerationLog.Map(moderation);
        ListMyModerationDecisions.Map(moderation);
    }
}
