using Consultation.Web.Infrastructure.Text;

namespace Consultation.Web.Tests.Infrastructure;

public sealed class MarkdownRendererTests
{
    readonly MarkdownRenderer renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    public void Script_in_markdown_never_reaches_the_html(string markdown)
    {
        // Escaped text may still read "onerror"; what matters is that no element or attribute can run anything.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(renderer.ToSafeHtml(markdown));
        var elements = document.Body!.QuerySelectorAll("*");

        elements.Select(e => e.LocalName).ShouldNotContain("script");
        elements.Select(e => e.LocalName).ShouldNotContain("iframe");
        elements.Select(e => e.LocalName).ShouldNotContain("img");
        var attributes = elements.SelectMany(e => e.Attributes).ToList();
        attributes.ShouldNotContain(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
        attributes.ShouldNotContain(a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Keeps_ordinary_formatting_and_marks_links_as_user_content()
    {
        var html = renderer.ToSafeHtml("**Decent work** for *all*, see https://example.org\n\n- one\n- two");

        html.ShouldContain("<strong>Decent work</strong>");
        html.ShouldContain("<em>all</em>");
        html.ShouldContain("<li>two</li>");
        html.ShouldContain("href=\"https://example.org\"");
        html.ShouldContain("rel=\"nofollow noopener noreferrer ugc\"");
    }
}
