namespace Consultation.Web.Features.ApiClients;

public static class ApiClientsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("API clients");
        RegisterApiClient.Map(clients);
        ListApiClients.Map(clients);
        RemoveApiClient.Map(clients);
    }
}
