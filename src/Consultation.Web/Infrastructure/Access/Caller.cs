using System.Security.Claims;

namespace Consultation.Web.Infrastructure.Access;

/// <summary>Who is making the current request: a signed-in person (cookie or bearer token) or nobody.</summary>
public sealed class Caller(IHttpContextAccessor http)
{
    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>Cookies carry the Identity name-identifier claim; OpenID Connect access tokens carry "sub".</summary>
    public Guid? UserId =>
        Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? Principal.FindFirstValue("sub"), out var id)
            ? id
            : null;

    public Guid RequiredUserId => UserId ?? throw new NotSignedInException();
}
