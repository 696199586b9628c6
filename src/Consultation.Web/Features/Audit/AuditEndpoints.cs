namespace Consultation.Web.Features.Audit;

public static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit log");
        ListAuditLog.Map(audit);
    }
}
