using System.Net;
using System.Net.Http.Json;

namespace Consultation.Web.Tests.Support;

public static class HttpStatus
{
    /// <summary>The status code of one request, for the who-may checks (the response is disposed).</summary>
    public static async Task<HttpStatusCode> StatusOfAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
