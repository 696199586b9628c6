namespace Consultation.Web.Features.Connect;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through (discovery and keys it serves itself); the authorization
/// endpoint is the Authorize page, since it may need to ask for consent.
/// </summary>
public static class ConnectEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        IssueToken.Map(app);
        GetUserInfo.Map(app);
        EndSession.Map(app);
    }
}
