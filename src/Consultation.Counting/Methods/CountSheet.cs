using Consultation.Counting.Ballots;

namespace Consultation.Counting.Methods;

internal enum CandidateState
{
    Hopeful,
    Elected,
    Excluded,
    Withdrawn,
}

/// <summary>
/// The bookkeeping every count shares: who is hopeful, elected or excluded, the stages declared so far with the
/// notes explaining them, and how ties are settled (look back at earlier stages, then lot).
/// </summary>
internal sealed class CountSheet
{
    private readonly Election election;
    private readonly List<Stage> stages = [];
    private readonly List<ElectedCandidate> elected = [];
    private readonly Lot lot;
    private readonly IProgress<CountProgress>? progress;
    private readonly CancellationToken cancellation;
    private List<string> notes = [];

    public CountSheet(Election election, CountOptions options, CancellationToken cancellation)
    {
        this.election = election;
        this.cancellation = cancellation;
        Seats = options.Seats ?? election.Seats;
        if (Seats < 1 || Seats > election.Candidates.Count - election.Withdrawn.Count)
        {
            throw new ElectionInputException(
                $"{Seats} seats cannot be filled from {election.Candidates.Count - election.Withdrawn.Count} candidates");
        }
        States = Enumerable.Range(0, election.Candidates.Count)
            .Select(c => election.Withdrawn.Contains(c) ? CandidateState.Withdrawn : CandidateState.Hopeful)
            .ToArray();
        lot = new Lot(options.Seed ?? election.Title);
        progress = options.Progress;
    }

    public CandidateState[] States { get; }

    public int Seats { get; }

    public int SeatsLeft => Seats - elected.Count;

    public bool LotDrawn { get; private set; }

    public IReadOnlyList<Stage> Stages => stages;

    public string Name(int candidate) => election.Candidates[candidate];

    public bool IsHopeful(int candidate) => States[candidate] == CandidateState.Hopeful;

    public List<int> Hopefuls() => Enumerable.Range(0, States.Length).Where(IsHopeful).ToList();

    public void Note(string text) => notes.Add(text);

    public void Elect(int candidate, string why)
    {
        States[candidate] = CandidateState.Elected;
        elected.Add(new ElectedCandidate(candidate, stages.Count + 1));
        Note($"{Name(candidate)} is elected {why}.");
    }

    public void Exclude(int candidate, string why)
    {
        States[candidate] = CandidateState.Excluded;
        Note($"{Name(candidate)} is excluded {why}.");
    }

    /// <summary>
    /// Elects the given candidates, highest total first. Equal totals are declared in file order: the order of
    /// declaration decides nothing (which surplus moves first is settled separately).
    /// </summary>
    public void ElectInOrder(IEnumerable<int> candidates, IReadOnlyList<long> totals, string why)
    {
        foreach (var candidate in candidates.OrderByDescending(c => totals[c]).ThenBy(c => c).ToList())
        {
            Elect(candidate, why);
        }
    }

    /// <summary>Elects every hopeful once there are no more of them than seats left.</summary>
    public bool ElectRemainingIfFewEnough(IReadOnlyList<long> totals)
    {
        var hopefuls = Hopefuls();
        if (SeatsLeft == 0 || hopefuls.Count > SeatsLeft)
        {
            return false;
        }
        ElectInOrder(hopefuls, totals, "because the continuing candidates are no more than the seats left");
        return true;
    }

    public void CloseStage(StageAction action, int? subject, IReadOnlyList<long> totals, long nonTransferable, long quota)
    {
        stages.Add(new Stage(stages.Count + 1, action, subject, totals.ToArray(), nonTransferable, quota, notes));
        notes = [];
        progress?.Report(new CountProgress(stages.Count, elected.Count, Seats));
        ThrowIfCancelled();
    }

    public void ThrowIfCancelled() => cancellation.ThrowIfCancellationRequested();

    /// <summary>
    /// Settles a tie: the candidate with the highest (or lowest) votes at the most recent earlier stage where the
    /// tied candidates differed, going further back while some still tie; failing that, by lot.
    /// </summary>
    public int PickTie(List<int> tied, bool highest, string purpose)
    {
        if (tied.Count == 1)
        {
            return tied[0];
        }
        var names = string.Join(", ", tied.Select(Name));
        var remaining = tied;
        for (var s = stages.Count - 2; s >= 0 && remaining.Count > 1; s--)
        {
            var totals = stages[s].Totals;
            var target = highest ? remaining.Max(c => totals[c]) : remaining.Min(c => totals[c]);
            remaining = remaining.Where(c => totals[c] == target).ToList();
            if (remaining.Count == 1)
            {
                Note($"{names} are tied; {Name(remaining[0])} is chosen {purpose} as having the "
                    + $"{(highest ? "most" : "fewest")} votes at stage {s + 1}.");
                return remaining[0];
            }
        }
        return DrawLot(remaining, $"{names} are tied at every stage", purpose);
    }

    /// <summary>
    /// Settles a tie by lot: the published tie order of the election if it has one (the first listed is chosen,
    /// as Droop and stv-rs do), otherwise a draw seeded by the published seed.
    /// </summary>
    public int DrawLot(List<int> tied, string why, string purpose)
    {
        LotDrawn = true;
        if (election.TieOrder is { } order && tied.All(order.Contains))
        {
            var first = order.First(tied.Contains);
            Note($"{why}; {Name(first)} is chosen {purpose} by the tie order published with the election.");
            return first;
        }
        var drawn = tied[lot.Draw(tied.Count)];
        Note($"{why}; a lot was drawn (seed \"{lot.Seed}\"): {Name(drawn)} is chosen {purpose}.");
        return drawn;
    }

    public CountResult Result(string method, string rule, long valid, long quota, int decimals) =>
        new(election.Title, method, rule, Seats, election.Candidates, valid, quota, decimals, stages, elected, LotDrawn);
}
