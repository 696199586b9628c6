namespace Consultation.Counting.Ballots;

/// <summary>Collects ballots and merges identical rankings as they arrive.</summary>
public sealed class BallotBox
{
    private readonly Dictionary<int[], long> weights = new(RankingComparer.Instance);
    private readonly List<int[]> order = [];

    public void Add(ReadOnlySpan<int> preferences, long weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        var key = preferences.ToArray();
        if (weights.TryGetValue(key, out var existing))
        {
            weights[key] = existing + weight;
            return;
        }
        weights.Add(key, weight);
        order.Add(key);
    }

    /// <summary>The distinct rankings in the order they were first seen.</summary>
    public IReadOnlyList<Ranking> ToRankings() => order.Select(p => new Ranking(p, weights[p])).ToArray();

    private sealed class RankingComparer : IEqualityComparer<int[]>
    {
        public static readonly RankingComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
