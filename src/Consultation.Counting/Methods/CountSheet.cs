using Consultation.Counting.Ballots;
using Consultation.Counting.Constraints;

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
    private readonly ConstraintGuard? guard;
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
        if (options.Constraints is { } constraints)
        {
            guard = new ConstraintGuard(constraints, States.Length, Seats);
            if (guard.Infeasibility(Gone()) is { } reason)
            {
                throw new ElectionInputException($"the constraints cannot be met: {reason}");
            }
        }
    }

    public CandidateState[] States { get; }

    public int Seats { get; }

    public int SeatsLeft => Seats - elected.Count;

    public bool LotDrawn { get; private set; }

    public string Name(int candidate) => election.Candidates[candidate];

    public bool IsHopeful(int candidate) => States[candidate] == CandidateState.Hopeful;

    public List<int> Hopefuls() => Enumerable.Range(0, States.Length).Where(IsHopeful).ToList();

    /// <summary>Adds a note to the stage being counted, once (Meek may meet the same fact at every iteration).</summary>
    public void Note(string text)
    {
        if (!notes.Contains(text))
        {
            notes.Add(text);
        }
    }

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
    /// Elects the given candidates, highest total first, except any whose election would break the constraints
    /// (they are left to be excluded). Equal totals are declared in file order: the order of declaration decides
    /// nothing (which surplus moves first is settled separately).
    /// </summary>
    public void ElectInOrder(IEnumerable<int> candidates, IReadOnlyList<long> totals, string why)
    {
        foreach (var candidate in candidates.OrderByDescending(c => totals[c]).ThenBy(c => c).ToList())
        {
            if (guard?.Doom(candidate, Is(CandidateState.Elected), Gone()) is { } reason)
            {
                Note($"{Name(candidate)} cannot be elected: {reason}.");
                continue;
            }
            Elect(candidate, why);
        }
    }

    /// <summary>
    /// Constraints first: excludes the lowest hopeful who cannot be elected without breaking them, explaining why.
    /// Returns that candidate, or null if nobody is doomed.
    /// </summary>
    public int? ExcludeDoomed(IReadOnlyList<long> totals)
    {
        if (guard is null)
        {
            return null;
        }
        var doomed = Hopefuls()
            .Select(c => (Candidate: c, Reason: guard.Doom(c, Is(CandidateState.Elected), Gone())))
            .Where(d => d.Reason is not null)
            .ToList();
        if (doomed.Count == 0)
        {
            return null;
        }
        var lowest = doomed.Min(d => totals[d.Candidate]);
        var excluded = PickTie(doomed.Where(d => totals[d.Candidate] == lowest).Select(d => d.Candidate).ToList(), highest: false, "for exclusion");
        Exclude(excluded, $"because they cannot be elected: {doomed.First(d => d.Candidate == excluded).Reason}");
        return excluded;
    }

    /// <summary>
    /// The hopefuls that may be excluded: all but those the constraints protect. A protected candidate who would
    /// otherwise have been the lowest is named with the reason.
    /// </summary>
    public List<int> Excludable(IReadOnlyList<long> totals)
    {
        var hopefuls = Hopefuls();
        if (guard is null)
        {
            return hopefuls;
        }
        var guarded = hopefuls
            .Select(c => (Candidate: c, Reason: guard.Guard(c, Is(CandidateState.Elected), Gone())))
            .Where(g => g.Reason is not null)
            .ToList();
        var excludable = hopefuls.Except(guarded.Select(g => g.Candidate)).ToList();
        var lowest = excludable.Min(c => totals[c]);
        foreach (var (candidate, reason) in guarded.Where(g => totals[g.Candidate] <= lowest))
        {
            Note($"{Name(candidate)} is protected from exclusion: {reason}.");
        }
        return excludable;
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

    private bool[] Is(CandidateState state) => States.Select(s => s == state).ToArray();

    /// <summary>Candidates who can no longer be elected: excluded or withdrawn.</summary>
    private bool[] Gone() => States.Select(s => s is CandidateState.Excluded or CandidateState.Withdrawn).ToArray();

    public CountResult Result(string method, string rule, long valid, long quota, int decimals) =>
        new(election.Title, method, rule, Seats, election.Candidates, valid, quota, decimals, stages, elected, LotDrawn);
}
