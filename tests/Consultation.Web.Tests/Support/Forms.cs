using System.Net;
using System.Text.RegularExpressions;

namespace Consultation.Web.Tests.Support;

/// <summary>
/// Submits a page's form as a browser without script would: GET the page, take the antiforgery token from its HTML,
/// POST the fields (and the token) back to the page, or to one of its named handlers (?handler=Enable).
/// </summary>
public static partial class Forms
{
    /// <param name="tokenFrom">The page to take the token from when not <paramref name="page"/>: to post, as a
    /// crafted request would, to a form the person may not even open.</param>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null, string? tokenFrom = null)
    {
        var ct = TestContext.Current.CancellationToken;
        tokenFrom ??= page;
        using var form = await client.GetAsync(tokenFrom, ct);
        form.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {tokenFrom} to read its form");
        var token = AntiforgeryTokenIn(await form.Content.ReadAsStringAsync(ct));
        var action = handler is null ? page : $"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        using var body = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(action, body, ct);
    }

    /// <summary>The antiforgery token a page's form carries.</summary>
    public static string AntiforgeryTokenIn(string html)
    {
        var token = AntiforgeryToken().Match(html);
        token.Success.ShouldBeTrue("no antiforgery token in the page");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>The page's text, for asserting what a person reads.</summary>
    public static Task<string> TextAsync(this HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    /// <summary>
    /// The ids of the form's error messages that have text (a field's message is "{field id}-error", e.g.
    /// "Details_Title-error"), so a test names the fields a page marked as wrong.
    /// </summary>
    public static async Task<string[]> FieldErrorsAsync(this HttpResponseMessage response)
    {
        var document = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(await response.TextAsync(), TestContext.Current.CancellationToken);
        return [.. document.QuerySelectorAll(".field-error[id]").Where(e => e.TextContent.Trim().Length > 0).Select(e => e.Id!)];
    }

    /// <summary>
    /// Where a page request ended up: the redirect target, or the address of the final response when the client
    /// followed the redirect itself.
    /// </summary>
    public static string LandedOn(this HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString)
            : response.RequestMessage!.RequestUri!.PathAndQuery;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
