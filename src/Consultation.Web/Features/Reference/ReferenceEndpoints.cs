namespace Consultation.Web.Features.Reference;

public static class ReferenceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var reference = api.MapGroup("/reference").WithTags("Reference data");
        GetReferenceData.Map(reference);
    }
}
