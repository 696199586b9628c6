namespace Consultation.Counting.Ballots;

/// <summary>One distinct ranking and how many ballots carry it.</summary>
/// <param name="Preferences">0-based candidate indices, most preferred first.</param>
/// <param name="Weight">Number of ballots with exactly this ranking.</param>
public sealed record Ranking(int[] Preferences, long Weight);

/// <summary>
/// An election as read from a ballot file. Ballots are kept aggregated by distinct ranking, so memory
/// grows with the number of different rankings, not with the number of ballots.
/// </summary>
public sealed record Election(
    string Title,
    IReadOnlyList<string> Candidates,
    int Seats,
    IReadOnlyList<Ranking> Rankings,
    IReadOnlySet<int> Withdrawn)
{
    /// <summary>Total number of ballots, including any that name only withdrawn candidates.</summary>
    public long BallotCount => Rankings.Sum(r => r.Weight);

    /// <summary>A published order for breaking ties (BLT <c>[tie ...]</c> line), earliest preferred; null if none.</summary>
    public IReadOnlyList<int>? TieOrder { get; init; }
}
