using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Consultation.Web.Features.Reports;

/// <summary>
/// A horizontal bar chart drawn on the server as inline SVG: no script, no inline style (the CSP forbids both, while
/// presentation attributes are allowed), a &lt;title&gt; and &lt;desc&gt; for screen readers, and dark text and bars
/// on white (contrast above 4.5:1). Pages show the same numbers in a table beside it.
/// </summary>
public static class BarChart
{
    const int Width = 640, LabelWidth = 250, BarArea = 330, RowHeight = 26, BarHeight = 18, MaxLabel = 36;
    const string BarColour = "#0b5cad", TextColour = "#1b1f24";

    public sealed record Bar(string Label, long Value);

    public static IHtmlContent Svg(string id, string title, string description, IReadOnlyList<Bar> bars)
    {
        var html = HtmlEncoder.Default;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {Width} {height}" width="100%" class="chart">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{html.Encode(title)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<desc id="{id}-desc">{html.Encode(description)}</desc>""");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 4 + i * RowHeight;
            var length = (int)Math.Round(bar.Value * (double)BarArea / max);
            var label = bar.Label.Length > MaxLabel ? bar.Label[..(MaxLabel - 1)] + "…" : bar.Label;
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{LabelWidth - 8}" y="{y + 14}" text-anchor="end" font-size="13" fill="{TextColour}">{html.Encode(label)}</text>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect x="{LabelWidth}" y="{y}" width="{Math.Max(length, 1)}" height="{BarHeight}" fill="{BarColour}"></rect>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{LabelWidth + length + 6}" y="{y + 14}" font-size="13" fill="{TextColour}">{bar.Value}</text>""");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
