using Ganss.Xss;
using Markdig;

namespace Consultation.Web.Infrastructure.Text;

/// <summary>
/// Turns user Markdown into HTML that is safe to show: Markdig renders (raw HTML in the input is escaped, not passed
/// through), then HtmlSanitizer keeps only harmless tags, attributes and link schemes. Render when text is saved and
/// store the result, so pages never pay for it per request.
/// </summary>
public sealed class MarkdownRenderer
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseListExtras()
        .Build();

    readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown) => sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        // Links written by users must not pass page rank or the reader's referrer, and open nothing on their own.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "nofollow noopener noreferrer ugc");
            }
        };
        return sanitizer;
    }
}
