using Consultation.Counting.Ballots;

namespace Consultation.Counting.Methods;

/// <summary>
/// Meek STV exactly as the Proportional Representation Foundation's reference rule: fixed point with 9 decimal
/// places, omega 0.000001, one defeat per round, ties (candidates within the total surplus of the lowest) by lot.
/// Each stage is one round: the votes after iterating keep factors, with any election or defeat it ended in.
/// </summary>
public sealed class MeekStv : ICountingMethod
{
    private const int Decimals = 9;
    private static readonly long One = FixedPoint.Scale(Decimals);
    private static readonly long Omega = One / 1_000_000;

    public string Name => "meek-stv";

    public CountResult Count(Election election, CountOptions options, CancellationToken cancellation = default) =>
        new MeekCount(election, options, cancellation).Run();

    private enum Iteration
    {
        Elected,
        Converged,
        Stable,
    }

    private sealed class MeekCount
    {
        private readonly Election election;
        private readonly CountSheet sheet;
        private readonly long[] keepFactors;
        private readonly long[] totals;
        private readonly long valid;
        private long quota;
        private long surplus;

        public MeekCount(Election election, CountOptions options, CancellationToken cancellation)
        {
            this.election = election;
            sheet = new CountSheet(election, options, cancellation);
            keepFactors = sheet.States.Select(s => s == CandidateState.Withdrawn ? 0 : One).ToArray();
            totals = new long[keepFactors.Length];
            valid = election.Rankings.Where(r => r.Preferences.Any(sheet.IsHopeful)).Sum(r => r.Weight) * One;
        }

        public CountResult Run()
        {
            var action = StageAction.FirstPreferences;
            int? subject = null;
            while (true)
            {
                var iteration = Iterate();
                var finished = sheet.SeatsLeft == 0 || sheet.ElectRemainingIfFewEnough(totals);
                Close(action, subject);
                if (finished)
                {
                    break;
                }
                if (sheet.ExcludeDoomed(totals) is { } doomed)
                {
                    keepFactors[doomed] = 0;
                    (action, subject) = (StageAction.Exclusion, doomed);
                    continue;
                }
                if (iteration == Iteration.Elected)
                {
                    (action, subject) = (StageAction.Surplus, null);
                    continue;
                }
                // B.3: the lowest hopeful is defeated; anyone within the total surplus of it counts as tied.
                var hopefuls = sheet.Excludable(totals);
                var lowest = hopefuls.Min(c => totals[c]);
                var tied = hopefuls.Where(c => totals[c] <= lowest + surplus).ToList();
                var defeated = tied.Count == 1
                    ? tied[0]
                    : sheet.DrawLot(tied, $"{string.Join(", ", tied.Select(sheet.Name))} are within the surplus of the lowest", "for exclusion");
                sheet.Exclude(defeated, iteration == Iteration.Converged
                    ? $"with the fewest votes (surplus {FixedPoint.Format(surplus, Decimals)} below omega)"
                    : $"with the fewest votes (the surplus stopped falling at {FixedPoint.Format(surplus, Decimals)})");
                keepFactors[defeated] = 0;
                (action, subject) = (StageAction.Exclusion, defeated);
            }
            return sheet.Result("meek-stv",
                "Meek STV, PR Foundation reference rule: 9 decimal places fixed point, omega 0.000001",
                valid, quota, Decimals);
        }

        private void Close(StageAction action, int? subject)
        {
            var nonTransferable = valid - totals.Sum();
            sheet.CloseStage(action, subject, totals, nonTransferable, quota);
        }

        /// <summary>B.2: distribute, update the quota and keep factors until someone is elected or the surplus settles.</summary>
        private Iteration Iterate()
        {
            var lastSurplus = valid;
            while (true)
            {
                sheet.ThrowIfCancelled();
                Distribute();
                var votes = totals.Sum();
                quota = votes / (sheet.Seats + 1) + 1;
                var reaching = sheet.Hopefuls().Where(c => totals[c] >= quota).ToList();
                sheet.ElectInOrder(reaching, totals, "having reached the quota");
                reaching.RemoveAll(c => sheet.IsHopeful(c));
                var elected = Enumerable.Range(0, totals.Length).Where(c => sheet.States[c] == CandidateState.Elected).ToList();
                surplus = Math.Max(0, elected.Sum(c => totals[c] - quota));
                if (reaching.Count > 0)
                {
                    return Iteration.Elected;
                }
                if (surplus < Omega)
                {
                    return Iteration.Converged;
                }
                if (surplus >= lastSurplus)
                {
                    return Iteration.Stable;
                }
                lastSurplus = surplus;
                foreach (var c in elected)
                {
                    keepFactors[c] = DivideUp(MultiplyUp(keepFactors[c], quota), totals[c]);
                }
            }
        }

        /// <summary>B.2.a: each ballot leaves with each candidate in turn its weight times the keep factor, rounded up.</summary>
        private void Distribute()
        {
            Array.Clear(totals);
            foreach (var ranking in election.Rankings)
            {
                var weight = One;
                foreach (var candidate in ranking.Preferences)
                {
                    var keepFactor = keepFactors[candidate];
                    if (keepFactor == 0)
                    {
                        continue;
                    }
                    var kept = MultiplyUp(weight, keepFactor);
                    totals[candidate] += kept * ranking.Weight;
                    weight -= kept;
                    if (weight <= 0)
                    {
                        break;
                    }
                }
            }
        }

        private static long MultiplyUp(long a, long b) => (long)(((Int128)a * b + One - 1) / One);

        private static long DivideUp(long a, long b) => (long)(((Int128)a * One + b - 1) / b);
    }
}
