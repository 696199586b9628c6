using System.Globalization;
using Consultation.Counting.Methods;

namespace Consultation.Counting.Tests;

/// <summary>City of Edinburgh Council, 4 May 2017: the official declarations, stage by stage, to 5 decimal places.</summary>
public class EdinburghConformanceTests
{
    private const string Folder = "edinburgh-2017";

    public static TheoryData<int> Wards => new(Enumerable.Range(1, 17));

    [Theory]
    [MemberData(nameof(Wards))]
    public void Ward_matches_the_official_declaration(int ward)
    {
        var election = ElectionFiles.Read($"{Folder}/ballots/edinburgh_2017_ward{ward}.blt");
        var expected = ElectionFiles.Csv($"{Folder}/expected_elected.csv").Single(row => row[0] == $"{ward}");

        var result = new ScottishStv().Count(election, new CountOptions(), TestContext.Current.CancellationToken);

        result.Format(result.Valid).ShouldBe($"{expected[4]}.00000");
        result.Format(result.Quota).ShouldBe($"{expected[6]}.00000");
        result.Stages.Count.ShouldBe(int.Parse(expected[7], CultureInfo.InvariantCulture));
        result.Elected.Select(e => e.Candidate + 1).Order().ShouldBe(expected[8].Split(' ').Select(int.Parse));
        foreach (var (stage, candidate, total) in OfficialTotals(ward))
        {
            result.Stages[stage - 1].Totals[candidate - 1].ShouldBe(total, $"stage {stage}, candidate {candidate}");
        }
    }

    [Fact]
    public void All_776_official_stage_totals_are_checked()
    {
        ElectionFiles.Path(Folder);
        Enumerable.Range(1, 17).Sum(ward => OfficialTotals(ward).Count()).ShouldBe(776);
    }

    /// <summary>(stage, 1-based candidate, total in units of 0.00001) from the official sheets.</summary>
    private static IEnumerable<(int Stage, int Candidate, long Total)> OfficialTotals(int ward) =>
        ElectionFiles.Csv($"{Folder}/official_stage_totals.csv")
            .Where(row => row[0] == $"{ward}")
            .Select(row => (
                int.Parse(row[1], CultureInfo.InvariantCulture),
                int.Parse(row[2], CultureInfo.InvariantCulture),
                (long)(decimal.Parse(row[^1], CultureInfo.InvariantCulture) * 100_000)));
}
