using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Consultation.Web.Features.Reports;

/// <summary>
/// Writes a report download to a stream as its pages of submissions arrive, so a report of 100,000 inputs never sits
/// in memory as one string. Only public fields are written. CSV has one row per submission with its tags joined by
/// "; " (RFC 4180, CRLF rows); Markdown has the count tables then one section per submission; JSON is open data.
/// </summary>
public sealed class ReportWriter(ReportConsultation consultation, ReportCounts counts, Func<string, string> absoluteLink, DateTimeOffset generatedAt)
{
    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="written">Called after each page with the number of submissions written so far.</param>
    public Task WriteAsync(ReportFormat format, Stream output, IAsyncEnumerable<IReadOnlyList<ReportSubmission>> pages,
        Func<int, Task> written, CancellationToken ct) => format switch
        {
            ReportFormat.Csv => WriteCsvAsync(output, pages, written, ct),
            ReportFormat.Markdown => WriteMarkdownAsync(output, pages, written, ct),
            _ => WriteJsonAsync(output, pages, written, ct),
        };

    async Task WriteCsvAsync(Stream output, IAsyncEnumerable<IReadOnlyList<ReportSubmission>> pages, Func<int, Task> written, CancellationToken ct)
    {
        await using var text = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await text.WriteLineAsync(CsvRow(["id", "title", "summary", "language", "submitted_at", "key_priorities", "gcm_objectives", "signatories", "link"]));
        var count = 0;
        await foreach (var page in pages.WithCancellation(ct))
        {
            foreach (var s in page)
            {
                await text.WriteLineAsync(CsvRow([
                    s.Id.ToString(), s.Title, s.Summary, s.Language, s.SubmittedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                    string.Join("; ", s.Priorities), string.Join("; ", s.Objectives), string.Join("; ", s.Signatories), absoluteLink(s.Link)]));
            }
            await text.FlushAsync(ct);
            await written(count += page.Count);
        }
    }

    /// <summary>One RFC 4180 row: a field is quoted when it holds a comma, quote or line break, quotes doubled.</summary>
    public static string CsvRow(IEnumerable<string> fields) => string.Join(',', fields.Select(CsvField));

    /// <summary>
    /// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula; a leading apostrophe
    /// makes it text, so a submission title cannot run a formula on the reader's machine.
    /// </summary>
    public static string CsvField(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    async Task WriteMarkdownAsync(Stream output, IAsyncEnumerable<IReadOnlyList<ReportSubmission>> pages, Func<int, Task> written, CancellationToken ct)
    {
        await using var text = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await text.WriteLineAsync($"# Synthesis report: {Markdown(consultation.Title)}\n");
        if (consultation.FeedsReport.Length > 0)
        {
            await text.WriteLineAsync($"Feeds: {Markdown(consultation.FeedsReport)}\n");
        }
        await text.WriteLineAsync($"Status: {consultation.Status}. Generated {generatedAt:yyyy-MM-dd HH:mm} UTC.\n");
        await text.WriteLineAsync("## Overall\n");
        await WriteCountsTableAsync(text, "", [counts.Overall with { Title = "All inputs" }]);
        await text.WriteLineAsync("## By key priority\n");
        await WriteCountsTableAsync(text, "Priority", counts.ByPriority);
        await text.WriteLineAsync("## By GCM objective\n");
        await WriteCountsTableAsync(text, "Objective", counts.ByObjective);
        await text.WriteLineAsync("## By region\n");
        await WriteCountsTableAsync(text, "Region", counts.ByRegion);
        await text.WriteLineAsync("## Submissions\n");
        var count = 0;
        await foreach (var page in pages.WithCancellation(ct))
        {
            foreach (var s in page)
            {
                await text.WriteLineAsync($"### [{Markdown(s.Title)}]({absoluteLink(s.Link)})\n");
                await text.WriteLineAsync($"{Markdown(s.Summary)}\n");
                await text.WriteLineAsync($"- Signatories: {Markdown(string.Join("; ", s.Signatories))}");
                await text.WriteLineAsync($"- Key priorities: {string.Join("; ", s.Priorities)}");
                await text.WriteLineAsync($"- GCM objectives: {string.Join("; ", s.Objectives)}\n");
            }
            await text.FlushAsync(ct);
            await written(count += page.Count);
        }
    }

    static async Task WriteCountsTableAsync(StreamWriter text, string groupHeading, IReadOnlyList<GroupCounts> groups)
    {
        await text.WriteLineAsync($"| {groupHeading} | Submissions | Signatory organisations | Regions | Constituencies |");
        await text.WriteLineAsync("| --- | ---: | ---: | ---: | ---: |");
        foreach (var g in groups)
        {
            var name = g.Key.Length > 0 ? $"{g.Key} {g.Title}" : g.Title;
            await text.WriteLineAsync($"| {Markdown(name)} | {g.Submissions} | {g.Organisations} | {g.Regions} | {g.Constituencies} |");
        }
        await text.WriteLineAsync();
    }

    /// <summary>User text as literal Markdown on one line: markup characters escaped, so no link, HTML or table break gets in.</summary>
    public static string Markdown(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
                continue;
            }
            if ("\\`*_{}[]()<>#+-.!|~&".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    async Task WriteJsonAsync(Stream output, IAsyncEnumerable<IReadOnlyList<ReportSubmission>> pages, Func<int, Task> written, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartObject("consultation");
        json.WriteString("id", consultation.Id);
        json.WriteString("title", consultation.Title);
        json.WriteString("status", consultation.Status);
        json.WriteString("feedsReport", consultation.FeedsReport);
        json.WriteEndObject();
        json.WriteString("generatedAt", generatedAt);
        json.WritePropertyName("overall");
        WriteGroup(json, counts.Overall);
        WriteGroups(json, "byPriority", counts.ByPriority);
        WriteGroups(json, "byObjective", counts.ByObjective);
        WriteGroups(json, "byRegion", counts.ByRegion);
        json.WriteStartArray("submissions");
        var count = 0;
        await foreach (var page in pages.WithCancellation(ct))
        {
            foreach (var s in page)
            {
                json.WriteStartObject();
                json.WriteString("id", s.Id);
                json.WriteString("title", s.Title);
                json.WriteString("summary", s.Summary);
                json.WriteString("language", s.Language);
                if (s.SubmittedAt is { } at)
                {
                    json.WriteString("submittedAt", at);
                }
                WriteStrings(json, "keyPriorities", s.Priorities);
                json.WriteStartArray("gcmObjectives");
                s.Objectives.ForEach(json.WriteNumberValue);
                json.WriteEndArray();
                WriteStrings(json, "signatories", s.Signatories);
                json.WriteString("link", absoluteLink(s.Link));
                json.WriteEndObject();
            }
            await json.FlushAsync(ct);
            await written(count += page.Count);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    static void WriteGroups(Utf8JsonWriter json, string name, IReadOnlyList<GroupCounts> groups)
    {
        json.WriteStartArray(name);
        foreach (var g in groups)
        {
            WriteGroup(json, g);
        }
        json.WriteEndArray();
    }

    static void WriteGroup(Utf8JsonWriter json, GroupCounts g)
    {
        json.WriteStartObject();
        if (g.Key.Length > 0)
        {
            json.WriteString("key", g.Key);
            json.WriteString("title", g.Title);
        }
        json.WriteNumber("submissions", g.Submissions);
        json.WriteNumber("organisations", g.Organisations);
        json.WriteNumber("regions", g.Regions);
        json.WriteNumber("constituencies", g.Constituencies);
        json.WriteEndObject();
    }

    static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
