namespace Consultation.Counting;

/// <summary>How far a count has got, reported once per stage.</summary>
public sealed record CountProgress(int Stage, int Elected, int Seats);

public sealed record CountOptions
{
    /// <summary>Overrides the number of seats in the ballot file.</summary>
    public int? Seats { get; init; }

    /// <summary>
    /// Seeds the lot for ties no rule can break. Publish it with the election so every recount draws the same lot;
    /// when absent the election title is used.
    /// </summary>
    public string? Seed { get; init; }

    /// <summary>Minimum and maximum numbers elected per category, applied inside STV counts.</summary>
    public Constraints.ConstraintSet? Constraints { get; init; }

    public IProgress<CountProgress>? Progress { get; init; }
}
