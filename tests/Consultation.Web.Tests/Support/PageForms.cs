using System.Net;
using System.Text.RegularExpressions;

namespace Consultation.Web.Tests.Support;

/// <summary>Submits a page's form as a browser without JavaScript would: read the antiforgery token, then post the fields.</summary>
public static partial class PageForms
{
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string action, IDictionary<string, string> fields)
    {
        var ct = TestContext.Current.CancellationToken;
        using var page = await client.GetAsync(pageUrl, ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {pageUrl}");
        var html = await page.Content.ReadAsStringAsync(ct);
        var token = AntiforgeryToken().Match(html);
        token.Success.ShouldBeTrue($"no antiforgery token on {pageUrl}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(action, new FormUrlEncodedContent(form), ct);
    }

    /// <summary>
    /// Where a page request ended up: the redirect target, or the address of the final response when the client
    /// followed the redirect itself.
    /// </summary>
    public static string LandedOn(this HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString)
            : response.RequestMessage!.RequestUri!.PathAndQuery;

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex AntiforgeryToken();
}
