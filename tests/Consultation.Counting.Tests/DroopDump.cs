using System.Globalization;

namespace Consultation.Counting.Tests;

/// <summary>
/// A stage-by-stage dump written by Droop (tab-separated: round, action, quota, then per-rule columns, then
/// name/state/vote[/keep factor] for every eligible candidate), grouped by round.
/// </summary>
internal sealed record DroopDump(IReadOnlyList<IReadOnlyList<DroopDump.Row>> Rounds)
{
    /// <param name="Votes">Candidate (0-based file index) to vote, as printed.</param>
    /// <param name="States">Candidate to state code (H hopeful, E elected, D defeated...).</param>
    /// <param name="Columns">The rule's own columns (Quota, Non-Transferable, Residual...) by header name.</param>
    public sealed record Row(
        string Action,
        IReadOnlyDictionary<int, string> Votes,
        IReadOnlyDictionary<int, string> States,
        IReadOnlyDictionary<string, string> Columns);

    /// <summary>0-based indices of the candidates elected at the end of the count.</summary>
    public IEnumerable<int> Elected() =>
        Rounds[^1][^1].States.Where(s => s.Value.Equals("E", StringComparison.OrdinalIgnoreCase)).Select(s => s.Key).Order();

    /// <summary>
    /// Scottish stages: the last row of each round. Droop gives an elected candidate whose votes equal the quota
    /// a round that "transfers" a surplus of zero; SSI 2007/42 rule 48 transfers only votes exceeding the quota,
    /// so such rounds are not stages.
    /// </summary>
    public IReadOnlyList<Row> ScottishStages() =>
        Rounds.Where((round, r) => r == 0
                || round.All(row => row.Action != "unpend")
                || !round[^1].Votes.SequenceEqual(Rounds[r - 1][^1].Votes))
            .Select(round => round[^1])
            .ToList();

    /// <summary>
    /// Meek stages: round n's votes after iterating, as printed by its first row (before a defeated candidate's
    /// votes are cleared). Round 0 only restates the first preferences that round 1 begins with.
    /// </summary>
    public IReadOnlyList<Row> MeekStages() => Rounds.Skip(1).Select(round => round[0]).ToList();

    public static DroopDump Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        var rounds = new SortedDictionary<int, List<Row>>();
        foreach (var fields in lines.Skip(1).Select(l => l.Split('\t')))
        {
            if (fields.Length < header.Length || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var round))
            {
                continue;
            }
            var votes = new Dictionary<int, string>();
            var states = new Dictionary<int, string>();
            var columns = new Dictionary<string, string>();
            for (var i = 2; i < header.Length; i++)
            {
                var candidate = header[i].Split('.') is [var number, _] ? int.Parse(number, CultureInfo.InvariantCulture) - 1 : -1;
                if (header[i].EndsWith(".vote", StringComparison.Ordinal))
                {
                    votes[candidate] = fields[i];
                }
                else if (header[i].EndsWith(".state", StringComparison.Ordinal))
                {
                    states[candidate] = fields[i];
                }
                else if (!header[i].Contains('.', StringComparison.Ordinal))
                {
                    columns[header[i]] = fields[i];
                }
            }
            if (!rounds.TryGetValue(round, out var rows))
            {
                rounds[round] = rows = [];
            }
            rows.Add(new Row(fields[1], votes, states, columns));
        }
        return new DroopDump(rounds.Values.ToList<IReadOnlyList<Row>>());
    }
}
