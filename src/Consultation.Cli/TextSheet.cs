using Consultation.Counting;

namespace Consultation.Cli;

/// <summary>A stage-by-stage result sheet, laid out like a returning officer's declaration.</summary>
internal static class TextSheet
{
    public static void Write(CountResult result, TextWriter output)
    {
        var width = Math.Max(result.Candidates.Max(n => n.Length), "Non-transferable".Length) + 2;
        output.WriteLine(result.Title);
        output.WriteLine(new string('=', result.Title.Length));
        output.WriteLine($"Method: {result.Rule}");
        var quota = result.Quota == 0 ? "" : $"   Quota: {result.Format(result.Quota)}";
        output.WriteLine($"Seats: {result.Seats}   Valid votes: {result.Format(result.Valid)}{quota}");
        Stage? previous = null;
        foreach (var stage in result.Stages)
        {
            output.WriteLine();
            output.WriteLine($"Stage {stage.Number}: {Heading(result, stage)}");
            for (var c = 0; c < result.Candidates.Count; c++)
            {
                var change = previous is null ? "" : Change(result, stage.Totals[c] - previous.Totals[c]);
                output.WriteLine($"  {result.Candidates[c].PadRight(width)}{result.Format(stage.Totals[c]),18}{change,18}".TrimEnd());
            }
            var ntChange = previous is null ? "" : Change(result, stage.NonTransferable - previous.NonTransferable);
            output.WriteLine($"  {"Non-transferable".PadRight(width)}{result.Format(stage.NonTransferable),18}{ntChange,18}".TrimEnd());
            foreach (var note in stage.Notes)
            {
                output.WriteLine($"  * {note}");
            }
            previous = stage;
        }
        output.WriteLine();
        output.WriteLine("Elected:");
        foreach (var elected in result.Elected)
        {
            output.WriteLine($"  {result.Candidates[elected.Candidate]} (stage {elected.Stage})");
        }
        if (result.LotDrawn)
        {
            output.WriteLine("A lot was drawn to settle a tie; see the notes above.");
        }
        output.WriteLine();
    }

    private static string Heading(CountResult result, Stage stage)
    {
        var subject = stage.Subject is { } c ? result.Candidates[c] : "";
        return stage.Action switch
        {
            StageAction.FirstPreferences => "first preferences",
            StageAction.Surplus when stage.Subject is null => "surpluses transferred",
            StageAction.Surplus => $"transfer of the surplus of {subject}",
            StageAction.Exclusion => $"exclusion of {subject}",
            StageAction.Approvals => "approvals counted",
            _ => JsonSheet.ActionName(stage.Action),
        };
    }

    private static string Change(CountResult result, long change) =>
        change == 0 ? "" : (change > 0 ? "+" : "") + result.Format(change);
}
