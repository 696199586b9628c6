namespace Consultation.Web.Infrastructure.Web;

/// <summary>
/// Absolute links for emails. "PublicBaseUrl" (e.g. https://consultation.example.org) wins, since behind a proxy
/// the request may not know the public address; without it the current request's scheme and host are used.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration, IHttpContextAccessor http)
{
    public string To(string pathAndQuery)
    {
        var configured = configuration["PublicBaseUrl"];
        var request = http.HttpContext?.Request;
        var baseUrl = configured is { Length: > 0 } ? configured.TrimEnd('/')
            : request is { Host.HasValue: true } ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : "http://localhost:5080";
        return baseUrl + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}
