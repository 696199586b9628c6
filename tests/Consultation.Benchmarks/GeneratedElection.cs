using Consultation.Counting.Ballots;

namespace Consultation.Benchmarks;

/// <summary>
/// Reproducible synthetic ballots: candidates have uneven popularity, and each voter ranks a random number of
/// them, choosing the next preference in proportion to popularity among those not yet ranked.
/// </summary>
internal static class GeneratedElection
{
    public static Election Create(int ballots, int candidates, int seats, int seed)
    {
        var random = new Random(seed);
        var popularity = Enumerable.Range(0, candidates).Select(c => 1 + random.Next(100)).ToArray();
        var box = new BallotBox();
        var ranking = new List<int>(candidates);
        for (var b = 0; b < ballots; b++)
        {
            ranking.Clear();
            var length = 1 + random.Next(candidates);
            var left = popularity.Sum();
            while (ranking.Count < length)
            {
                var pick = random.Next(left);
                var candidate = 0;
                while (ranking.Contains(candidate) || (pick -= popularity[candidate]) >= 0)
                {
                    candidate++;
                }
                ranking.Add(candidate);
                left -= popularity[candidate];
            }
            box.Add(ranking.ToArray(), 1);
        }
        var names = Enumerable.Range(1, candidates).Select(c => $"Candidate {c}").ToArray();
        return new Election("Generated", names, seats, box.ToRankings(), new HashSet<int>());
    }
}
