using System.Text.Encodings.Web;
using System.Text.Json;
using Consultation.Counting;

namespace Consultation.Cli;

/// <summary>One JSON object per counted file, on one line. Candidates are 1-based as in the ballot file.</summary>
internal static class JsonSheet
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(CountResult result, string file, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteString("title", result.Title);
            json.WriteString("method", result.Method);
            json.WriteString("rule", result.Rule);
            json.WriteNumber("seats", result.Seats);
            json.WriteString("valid", result.Format(result.Valid));
            WriteQuota(json, result, result.Quota);
            json.WriteStartArray("candidates");
            foreach (var name in result.Candidates)
            {
                json.WriteStringValue(name);
            }
            json.WriteEndArray();
            json.WriteStartArray("elected");
            foreach (var elected in result.Elected)
            {
                json.WriteStartObject();
                json.WriteNumber("candidate", elected.Candidate + 1);
                json.WriteString("name", result.Candidates[elected.Candidate]);
                json.WriteNumber("stage", elected.Stage);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("stages");
            foreach (var stage in result.Stages)
            {
                WriteStage(json, result, stage);
            }
            json.WriteEndArray();
            json.WriteBoolean("lotDrawn", result.LotDrawn);
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteStage(Utf8JsonWriter json, CountResult result, Stage stage)
    {
        json.WriteStartObject();
        json.WriteNumber("number", stage.Number);
        json.WriteString("action", ActionName(stage.Action));
        if (stage.Subject is { } subject)
        {
            json.WriteNumber("subject", subject + 1);
        }
        else
        {
            json.WriteNull("subject");
        }
        json.WriteStartArray("totals");
        foreach (var total in stage.Totals)
        {
            json.WriteStringValue(result.Format(total));
        }
        json.WriteEndArray();
        json.WriteString("nonTransferable", result.Format(stage.NonTransferable));
        WriteQuota(json, result, stage.Quota);
        json.WriteStartArray("notes");
        foreach (var note in stage.Notes)
        {
            json.WriteStringValue(note);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Methods without a quota (approval) write null rather than a misleading zero.</summary>
    private static void WriteQuota(Utf8JsonWriter json, CountResult result, long quota)
    {
        if (quota == 0)
        {
            json.WriteNull("quota");
        }
        else
        {
            json.WriteString("quota", result.Format(quota));
        }
    }

    public static string ActionName(StageAction action) => action switch
    {
        StageAction.FirstPreferences => "first-preferences",
        StageAction.Surplus => "surplus",
        StageAction.Exclusion => "exclusion",
        StageAction.Approvals => "approvals",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
