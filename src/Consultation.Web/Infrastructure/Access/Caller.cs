using System.Security.Claims;

namespace Consultation.Web.Infrastructure.Access;

/// <summary>Who is making the current request: a signed-in person (cookie or bearer token) or nobody.</summary>
public sealed class Caller(IHttpContextAccessor http)
{
    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>Cookies carry the Identity name-identifier claim; OpenID Connect access tokens carry "sub".</summary>
    public Guid? UserId => UserIdOf(Principal);

    /// <summary>The person a principal names, also for hubs, which have no HTTP context per call.</summary>
    public static Guid? UserIdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal?.FindFirstValue("sub"), out var id)
            ? id
            : null;

    public Guid RequiredUserId => UserId ?? throw new NotSignedInException();
}
