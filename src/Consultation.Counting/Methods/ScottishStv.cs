using Consultation.Counting.Ballots;

namespace Consultation.Counting.Methods;

/// <summary>
/// Single transferable vote exactly as the Scottish Local Government Elections Order 2007 (SSI 2007/42),
/// rules 45-52: Droop quota on whole votes, weighted inclusive Gregory surplus transfers truncated to five
/// decimal places, largest surplus first, exclusion of the lowest candidate in a single stage.
/// All arithmetic is in whole units of 0.00001 of a vote.
/// </summary>
public sealed class ScottishStv : ICountingMethod
{
    private const int Decimals = 5;
    private static readonly long Unit = FixedPoint.Scale(Decimals);

    /// <summary>Keeps surplus x paper value (at most ballots x Unit x Unit) within a long, and a parcel's papers within an int.</summary>
    private static readonly long MaxBallots = long.MaxValue / Unit / Unit;

    public string Name => "scottish-stv";

    public CountResult Count(Election election, CountOptions options, CancellationToken cancellation = default) =>
        new ScottishCount(election, options, cancellation).Run();

    /// <summary>Papers sharing a ranking and a value, held by the candidate at <see cref="Position"/> in it.</summary>
    /// <remarks>Sixteen bytes: a count of a million distinct rankings moves millions of these.</remarks>
    private readonly record struct Parcel(int Ranking, int Position, int Papers, int Value);

    private sealed class ScottishCount
    {
        private readonly Election election;
        private readonly int[][] preferences;
        private readonly CountSheet sheet;
        private readonly List<Parcel>[] piles;
        private List<Parcel> spare = [];
        private readonly long[] totals;
        private readonly long[] surpluses;
        private long nonTransferable;

        public ScottishCount(Election election, CountOptions options, CancellationToken cancellation)
        {
            this.election = election;
            preferences = election.Rankings.Select(r => r.Preferences).ToArray();
            sheet = new CountSheet(election, options, cancellation);
            // Sized for the first preferences, the bulk of the parcels, so the lists rarely need to grow.
            var firsts = new int[election.Candidates.Count];
            foreach (var ranking in election.Rankings.Where(r => r.Preferences.Length > 0))
            {
                firsts[ranking.Preferences[0]]++;
            }
            piles = firsts.Select(n => new List<Parcel>(n)).ToArray();
            totals = new long[election.Candidates.Count];
            surpluses = new long[election.Candidates.Count];
        }

        public CountResult Run()
        {
            if (election.BallotCount > MaxBallots)
            {
                throw new ElectionInputException($"more than {MaxBallots} ballots cannot be counted in 64-bit units of 0.00001");
            }
            long ballots = 0;
            var r = 0;
            foreach (var ranking in election.Rankings)
            {
                var ballot = new Parcel(r++, -1, (int)ranking.Weight, (int)Unit);
                if (Place(ballot))
                {
                    ballots += ballot.Papers;
                }
            }
            // A ballot naming only withdrawn candidates is not a valid vote, so not a non-transferable one either.
            nonTransferable = 0;
            // Rule 46: quota = valid votes / (seats + 1), fractions ignored, plus one.
            var quota = (ballots / (sheet.Seats + 1) + 1) * Unit;
            ElectReachingQuota(quota);
            sheet.ElectRemainingIfFewEnough(totals);
            sheet.CloseStage(StageAction.FirstPreferences, null, totals, nonTransferable, quota);

            while (sheet.SeatsLeft > 0 && sheet.Hopefuls().Count > 0)
            {
                var (action, subject) = sheet.ExcludeDoomed(totals) is { } doomed ? Exclude(doomed)
                    : surpluses.Any(s => s > 0) ? TransferSurplus()
                    : ExcludeLowest();
                ElectReachingQuota(quota);
                sheet.ElectRemainingIfFewEnough(totals);
                sheet.CloseStage(action, subject, totals, nonTransferable, quota);
            }
            return sheet.Result("scottish-stv",
                "Scottish STV, SSI 2007/42 rules 45-52: weighted inclusive Gregory, values truncated to 5 decimal places",
                ballots * Unit, quota, Decimals);
        }

        /// <summary>Rule 48: the largest surplus moves first, each paper at surplus x its value / total, truncated.</summary>
        private (StageAction, int) TransferSurplus()
        {
            var largest = surpluses.Max();
            var candidates = Enumerable.Range(0, surpluses.Length).Where(c => surpluses[c] == largest).ToList();
            var from = sheet.PickTie(candidates, highest: true, "to have the surplus transferred first");
            var surplus = surpluses[from];
            var total = totals[from];
            var before = totals.Sum() + nonTransferable;
            surpluses[from] = 0;
            totals[from] = total - surplus;
            foreach (var parcel in TakePile(from))
            {
                Place(parcel with { Value = (int)(surplus * parcel.Value / total) });
            }
            // What truncation lost is non-transferable, so the votes on the sheet still add up.
            nonTransferable += before - (totals.Sum() + nonTransferable);
            sheet.Note($"The surplus of {sheet.Name(from)}, {FixedPoint.Format(surplus, Decimals)}, is transferred.");
            return (StageAction.Surplus, from);
        }

        /// <summary>Rules 50-51: the lowest candidate's papers all move at their current values in one stage.</summary>
        private (StageAction, int) ExcludeLowest()
        {
            var excludable = sheet.Excludable(totals);
            var lowest = excludable.Min(c => totals[c]);
            var excluded = sheet.PickTie(excludable.Where(c => totals[c] == lowest).ToList(), highest: false, "for exclusion");
            sheet.Exclude(excluded, "with the fewest votes");
            return Exclude(excluded);
        }

        private (StageAction, int) Exclude(int excluded)
        {
            totals[excluded] = 0;
            foreach (var parcel in TakePile(excluded))
            {
                Place(parcel);
            }
            return (StageAction.Exclusion, excluded);
        }

        /// <summary>
        /// Empties the candidate's pile and returns its parcels, valid until the next call: the two lists swap
        /// roles so a count of millions of parcels does not keep allocating new ones.
        /// </summary>
        private List<Parcel> TakePile(int candidate)
        {
            spare.Clear();
            (piles[candidate], spare) = (spare, piles[candidate]);
            return spare;
        }

        /// <summary>
        /// Gives the papers to their next hopeful preference, or sets them aside as non-transferable.
        /// Returns whether a hopeful took them.
        /// </summary>
        private bool Place(Parcel parcel)
        {
            var ranking = preferences[parcel.Ranking];
            var states = sheet.States;
            for (var p = parcel.Position + 1; p < ranking.Length; p++)
            {
                var candidate = ranking[p];
                if (states[candidate] == CandidateState.Hopeful)
                {
                    piles[candidate].Add(parcel with { Position = p });
                    totals[candidate] += (long)parcel.Papers * parcel.Value;
                    return true;
                }
            }
            nonTransferable += (long)parcel.Papers * parcel.Value;
            return false;
        }

        private void ElectReachingQuota(long quota)
        {
            var reaching = sheet.Hopefuls().Where(c => totals[c] >= quota).ToList();
            sheet.ElectInOrder(reaching, totals, "having reached the quota");
            foreach (var candidate in reaching.Where(c => sheet.States[c] == CandidateState.Elected))
            {
                surpluses[candidate] = totals[candidate] - quota;
            }
        }
    }
}
