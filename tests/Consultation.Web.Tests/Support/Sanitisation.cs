using AngleSharp.Html.Parser;

namespace Consultation.Web.Tests.Support;

/// <summary>What the pages' tests feed to every Markdown field, and the check that none of it runs in the page.</summary>
public static class Sanitisation
{
    /// <summary>A script element, a javascript: link and an event handler, in Markdown.</summary>
    public const string HostileMarkdown = "Hello <script>alert('x')</script> [link](javascript:alert(1)) <img src=x onerror=alert(2)>";

    public static async Task ShouldRunNoScriptAsync(this HttpClient client, string page)
    {
        var ct = TestContext.Current.CancellationToken;
        var document = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(page, ct), ct);
        var main = document.QuerySelector("main")!;
        main.QuerySelectorAll("script").ShouldBeEmpty($"a script element in {page}");
        main.QuerySelectorAll("[onerror]").ShouldBeEmpty($"an event handler in {page}");
        main.QuerySelectorAll("a[href^='javascript']").ShouldBeEmpty($"a javascript: link in {page}");
    }
}
