using Consultation.Counting.Ballots;
using Consultation.Counting.Constraints;
using CsCheck;

namespace Consultation.Counting.Tests;

/// <summary>Small random elections for property tests: up to 8 candidates, up to 30 distinct rankings.</summary>
internal static class RandomElections
{
    private static Gen<Ranking> Rankings(int candidates) =>
        from keys in Gen.Int.Array[candidates]
        from length in Gen.Int[1, candidates]
        from weight in Gen.Int[1, 40]
        select new Ranking(Enumerable.Range(0, candidates).OrderBy(c => keys[c]).ThenBy(c => c).Take(length).ToArray(), weight);

    public static Gen<Election> Elections { get; } =
        from candidates in Gen.Int[2, 8]
        from seats in Gen.Int[1, candidates - 1]
        from rankings in Rankings(candidates).Array[1, 30]
        select Build(candidates, seats, rankings);

    /// <summary>One or two dimensions of two categories each, every candidate in one of them, random bounds.</summary>
    public static Gen<ConstraintSet> Constraints(int candidates) =>
        from dimensions in Gen.Int[1, 2]
        from memberships in Gen.Int[0, 1].Array[candidates].Array[dimensions]
        from bounds in Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3]).Array[dimensions * 2]
        select new ConstraintSet(Enumerable.Range(0, dimensions * 2).Select(k => new Category(
            $"d{k / 2}",
            $"c{k % 2}",
            bounds[k].Item1,
            bounds[k].Item1 + bounds[k].Item2,
            Enumerable.Range(0, candidates).Where(c => memberships[k / 2][c] == k % 2).ToArray())).ToList());

    public static Election Build(int candidates, int seats, IEnumerable<Ranking> rankings)
    {
        var box = new BallotBox();
        foreach (var ranking in rankings)
        {
            box.Add(ranking.Preferences, ranking.Weight);
        }
        var names = Enumerable.Range(1, candidates).Select(c => $"Candidate {c}").ToArray();
        return new Election("Random", names, seats, box.ToRankings(), new HashSet<int>());
    }

    /// <summary>Everything a count declares, as text, so two counts can be compared whole.</summary>
    public static string Sheet(CountResult result) => string.Join('\n',
        result.Stages.Select(s => $"{s.Number} {s.Action} {s.Subject} [{string.Join(' ', s.Totals)}] {s.NonTransferable} {s.Quota} {string.Join(" | ", s.Notes)}")
            .Append($"elected {string.Join(' ', result.Elected)} lot {result.LotDrawn}"));
}
