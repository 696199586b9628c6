using Consultation.Counting.Ballots;
using Consultation.Counting.Constraints;
using Consultation.Counting.Methods;

namespace Consultation.Counting.Tests;

/// <summary>Hand-made counts where the constraints change the winners, with the explanation each stage gives.</summary>
public class ConstraintTests
{
    private static CountResult Count(string blt, string? constraints, ICountingMethod? method = null) =>
        (method ?? new ScottishStv()).Count(
            Blt.Read(new StringReader(blt)),
            new CountOptions { Constraints = constraints is null ? null : ConstraintSet.Parse(constraints) },
            TestContext.Current.CancellationToken);

    private static string[] Winners(CountResult result) => result.Elected.Select(e => result.Candidates[e.Candidate]).ToArray();

    private static IEnumerable<string> Notes(CountResult result) => result.Stages.SelectMany(s => s.Notes);

    private const string ThreeSeats = """
        5 3
        30 2 0
        25 3 0
        20 4 0
        15 5 0
        10 1 0
        0
        Ana
        Carl
        Dan
        Ed
        Finn
        Committee
        """;

    [Fact]
    public void A_candidate_needed_for_a_minimum_is_protected_from_exclusion()
    {
        const string women = """{ "dimensions": { "gender": { "women": { "min": 1, "candidates": [1] } } } }""";

        Winners(Count(ThreeSeats, null)).ShouldBe(["Carl", "Dan", "Ed"]);
        var result = Count(ThreeSeats, women);

        Winners(result).ShouldBe(["Carl", "Dan", "Ana"]);
        result.Stages[2].Notes.ShouldBe([
            "Ana is protected from exclusion: without them gender 'women' could not reach its minimum of 1.",
            "Finn is excluded with the fewest votes.",
        ]);
        result.Stages[3].Notes[1].ShouldBe("Ed is excluded with the fewest votes.");
    }

    [Fact]
    public void Meek_excludes_the_man_who_would_break_the_minimum_and_elects_the_same_committee()
    {
        const string women = """{ "dimensions": { "gender": { "women": { "min": 1, "candidates": [1] } } } }""";

        Winners(Count(ThreeSeats, null, new MeekStv())).Order().ShouldBe(["Carl", "Dan", "Ed"]);
        var result = Count(ThreeSeats, women, new MeekStv());

        Winners(result).Order().ShouldBe(["Ana", "Carl", "Dan"]);
        Notes(result).Count(n => n == "Ed cannot be elected: that would leave too few seats for gender 'women' to reach its minimum of 1.").ShouldBe(1);
        Notes(result).ShouldContain("Ed is excluded because they cannot be elected: that would leave too few seats for gender 'women' to reach its minimum of 1.");
    }

    private const string TwoDimensions = """
        6 3
        30 3 4 0
        25 4 3 0
        22 5 1 0
        10 1 5 0
        8 2 6 0
        5 6 2 0
        0
        Ana
        Bea
        Carl
        Dan
        Eve
        Finn
        Board
        """;

    private const string GenderAndRegion = """
        { "dimensions": {
            "gender": { "women": { "min": 1, "max": 2, "candidates": [1, 2, 5] }, "men": { "min": 1, "candidates": [3, 4, 6] } },
            "region": { "north": { "candidates": [1, 3, 4, 5] }, "south": { "min": 1, "candidates": [2, 6] } } } }
        """;

    [Fact]
    public void Candidates_who_would_break_a_constraint_in_another_dimension_are_excluded()
    {
        Winners(Count(TwoDimensions, null)).ShouldBe(["Carl", "Dan", "Eve"]);
        var result = Count(TwoDimensions, GenderAndRegion);

        Winners(result).ShouldBe(["Carl", "Dan", "Bea"]);
        Notes(result).ShouldContain("Finn is excluded because they cannot be elected: that would leave too few seats for gender 'women' to reach its minimum of 1.");
        Notes(result).ShouldContain("Ana is excluded because they cannot be elected: that would leave too few seats for region 'south' to reach its minimum of 1.");
        Notes(result).ShouldContain("Eve cannot be elected: that would leave too few seats for region 'south' to reach its minimum of 1.");
        result.Stages.Select(s => s.Action).ShouldBe([
            StageAction.FirstPreferences, StageAction.Surplus, StageAction.Exclusion, StageAction.Exclusion, StageAction.Exclusion,
        ]);
    }

    [Fact]
    public void Once_a_category_is_full_its_other_candidates_are_excluded_at_once()
    {
        const string atMostOneNorthMan = """{ "dimensions": { "region": { "north men": { "max": 1, "candidates": [3, 4] } } } }""";

        var result = Count(TwoDimensions, atMostOneNorthMan);

        Winners(result).ShouldBe(["Carl", "Eve", "Bea"]);
        result.Stages[1].Action.ShouldBe(StageAction.Exclusion);
        result.Stages[1].Notes.ShouldBe(["Dan is excluded because they cannot be elected: region 'north men' already has its maximum of 1 elected."]);
    }

    [Theory]
    [InlineData("""{ "dimensions": { "gender": { "women": { "min": 2, "candidates": [1] } } } }""",
        "the constraints cannot be met: gender 'women' needs at least 2 elected but has only 1 candidates")]
    [InlineData("""{ "dimensions": { "gender": { "women": { "min": 2, "candidates": [1, 2] }, "men": { "min": 2, "candidates": [3, 4] } } } }""",
        "the constraints cannot be met: the minimums for gender add up to more than the 3 seats")]
    [InlineData("""{ "dimensions": { "gender": { "men": { "max": 1, "candidates": [2, 3, 4, 5] } } } }""",
        "the constraints cannot be met: the maximums for gender allow only 2 of the 3 seats to be filled")]
    [InlineData("""{ "dimensions": { "a": { "x": { "min": 1, "candidates": [1, 9] } } } }""",
        "constraints: a 'x' names candidate 9, but there are 5")]
    [InlineData("""{ "dimensions": { "a": { "x": { "candidates": [1, 2] }, "y": { "candidates": [2] } } } }""",
        "constraints: candidate 2 is in two categories of a")]
    [InlineData("""{ "dimensions": { "a": { "x": { "min": 3, "max": 1, "candidates": [1] } } } }""",
        "constraints: a 'x' has min 3 and max 1")]
    public void Impossible_constraints_are_rejected_before_counting_with_the_reason(string constraints, string reason)
    {
        var error = Should.Throw<ElectionInputException>(() => Count(ThreeSeats, constraints));

        error.Message.ShouldBe(reason);
    }
}
