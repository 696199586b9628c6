using BenchmarkDotNet.Attributes;
using Consultation.Counting;
using Consultation.Counting.Ballots;
using Consultation.Counting.Methods;
using Consultation.Counting.Tests;

namespace Consultation.Benchmarks;

/// <summary>Scottish STV on a million generated ballots (20 candidates, 5 seats).</summary>
[MemoryDiagnoser]
public class MillionBallots
{
    private Election election = null!;

    [GlobalSetup]
    public void Generate() => election = GeneratedElection.Create(ballots: 1_000_000, candidates: 20, seats: 5, seed: 2017);

    [Benchmark]
    public CountResult ScottishStv() => new ScottishStv().Count(election, new CountOptions());
}

/// <summary>Scottish STV on each ward of the City of Edinburgh Council election of 2017, read from ../shared/elections.</summary>
[MemoryDiagnoser]
public class EdinburghWards
{
    private Election election = null!;

    private static readonly string? Folder = ElectionFolder.Find();

    public static IEnumerable<int> Wards => Folder is null ? [] : Enumerable.Range(1, 17);

    [ParamsSource(nameof(Wards))]
    public int Ward { get; set; }

    [GlobalSetup]
    public void Read() =>
        election = Blt.Read(Path.Combine(Folder!, "edinburgh-2017", "ballots", $"edinburgh_2017_ward{Ward}.blt"));

    [Benchmark]
    public CountResult ScottishStv() => new ScottishStv().Count(election, new CountOptions());
}
