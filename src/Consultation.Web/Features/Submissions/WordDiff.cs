using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// A word-level diff by longest common subsequence. Words and the spaces between them are separate tokens, so a
/// changed word shows as one deletion and one insertion and line breaks are kept. The common start and end are cut
/// before the quadratic table; if what remains is still very large, whole lines are compared instead of words.
/// </summary>
public static partial class WordDiff
{
    public enum Kind { Same, Inserted, Deleted }

    public sealed record Part(Kind Kind, string Text);

    const long MaxCells = 4_000_000;

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"[^\n]*\n|[^\n]+$")]
    private static partial Regex Lines();

    public static IReadOnlyList<Part> Compare(string from, string to)
    {
        var a = Tokens(Words(), from);
        var b = Tokens(Words(), to);
        if (Middle(a, b) > MaxCells)
        {
            a = Tokens(Lines(), from);
            b = Tokens(Lines(), to);
        }
        return Merge(Diff(a, b));
    }

    /// <summary>The parts as HTML: text encoded, insertions in &lt;ins&gt;, deletions in &lt;del&gt;.</summary>
    public static string ToHtml(IEnumerable<Part> parts)
    {
        var html = new StringBuilder();
        foreach (var part in parts)
        {
            var text = WebUtility.HtmlEncode(part.Text);
            html.Append(part.Kind switch
            {
                Kind.Inserted => $"<ins>{text}</ins>",
                Kind.Deleted => $"<del>{text}</del>",
                _ => text,
            });
        }
        return html.ToString();
    }

    static string[] Tokens(Regex pattern, string text) => pattern.Matches(text).Select(m => m.Value).ToArray();

    static long Middle(string[] a, string[] b)
    {
        var (start, endA, endB) = Trim(a, b);
        return (long)(endA - start + 1) * (endB - start + 1);
    }

    static (int Start, int EndA, int EndB) Trim(string[] a, string[] b)
    {
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }
        int endA = a.Length, endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }
        return (start, endA, endB);
    }

    static List<Part> Diff(string[] a, string[] b)
    {
        var (start, endA, endB) = Trim(a, b);
        var parts = a[..start].Select(t => new Part(Kind.Same, t)).ToList();
        int n = endA - start, m = endB - start;
        // lengths[i, j]: the longest common subsequence of a[start + i..endA] and b[start + j..endB].
        var lengths = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lengths[i, j] = a[start + i] == b[start + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (a[start + x] == b[start + y])
            {
                parts.Add(new Part(Kind.Same, a[start + x]));
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                parts.Add(new Part(Kind.Deleted, a[start + x++]));
            }
            else
            {
                parts.Add(new Part(Kind.Inserted, b[start + y++]));
            }
        }
        parts.AddRange(a[(start + x)..endA].Select(t => new Part(Kind.Deleted, t)));
        parts.AddRange(b[(start + y)..endB].Select(t => new Part(Kind.Inserted, t)));
        parts.AddRange(a[endA..].Select(t => new Part(Kind.Same, t)));
        return parts;
    }

    /// <summary>Joins neighbouring tokens of the same kind, so the page shows "&lt;del&gt;two words&lt;/del&gt;", not one tag per token.</summary>
    static List<Part> Merge(List<Part> parts)
    {
        var merged = new List<Part>();
        foreach (var part in parts)
        {
            if (merged.Count > 0 && merged[^1].Kind == part.Kind)
            {
                merged[^1] = part with { Text = merged[^1].Text + part.Text };
            }
            else
            {
                merged.Add(part);
            }
        }
        return merged;
    }
}
