using System.Globalization;

namespace Consultation.Counting.Tests;

/// <summary>
/// A stage-by-stage dump written by Droop (tab-separated: round, action, quota, then per-rule columns, then
/// name/state/vote[/keep factor] for every eligible candidate). Stage n of a count is the last row of round n-1.
/// </summary>
internal sealed record DroopDump(IReadOnlyList<DroopDump.Row> Stages)
{
    /// <param name="Votes">Candidate (0-based file index) to vote, as printed.</param>
    /// <param name="Columns">The rule's extra columns (e.g. Non-Transferable, Residual) by header name.</param>
    /// <param name="Actions">Every action logged in the round, e.g. "unpend", "transfer", "defeat".</param>
    public sealed record Row(
        int Round,
        string Quota,
        IReadOnlyDictionary<int, string> Votes,
        IReadOnlyDictionary<string, string> Columns,
        IReadOnlySet<string> Actions);

    /// <summary>
    /// Droop gives an elected candidate whose votes equal the quota a round that "transfers" a surplus of zero;
    /// SSI 2007/42 rule 48 transfers only a surplus (votes exceeding the quota), so such rounds are not stages.
    /// </summary>
    public IReadOnlyList<Row> WithoutZeroSurplusRounds() =>
        Stages.Where((row, i) => i == 0
            || !row.Actions.Contains("unpend")
            || !row.Votes.SequenceEqual(Stages[i - 1].Votes)).ToList();

    public static DroopDump Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        var stages = new SortedDictionary<int, Row>();
        var actions = new Dictionary<int, HashSet<string>>();
        foreach (var fields in lines.Skip(1).Select(l => l.Split('\t')))
        {
            if (!int.TryParse(fields[0], CultureInfo.InvariantCulture, out var round))
            {
                continue;
            }
            if (!actions.TryGetValue(round, out var roundActions))
            {
                actions[round] = roundActions = [];
            }
            roundActions.Add(fields[1]);
            if (fields.Length < header.Length)
            {
                continue;
            }
            var votes = new Dictionary<int, string>();
            var columns = new Dictionary<string, string>();
            for (var i = 2; i < header.Length; i++)
            {
                if (header[i].EndsWith(".vote", StringComparison.Ordinal))
                {
                    votes[int.Parse(header[i].Split('.')[0], CultureInfo.InvariantCulture) - 1] = fields[i];
                }
                else if (!header[i].Contains('.', StringComparison.Ordinal))
                {
                    columns[header[i]] = fields[i];
                }
            }
            stages[round] = new Row(round, columns["Quota"], votes, columns, roundActions);
        }
        return new DroopDump(stages.Values.ToList());
    }
}
