using Consultation.Counting.Ballots;

namespace Consultation.Counting.Tests;

public class BltTests
{
    private const string Sample = """
        4 2
        -3
        3 1 2 0
        2 2 1 4 0
        1 1 2 0
        0
        "Ann Smith"
        Bob Jones
        "Cy" "Di"
        "A sample election"
        """;

    [Fact]
    public void Reads_candidates_seats_withdrawn_and_names_quoted_or_not()
    {
        var election = Blt.Read(new StringReader(Sample));

        election.Candidates.ShouldBe(["Ann Smith", "Bob Jones", "Cy", "Di"]);
        election.Seats.ShouldBe(2);
        election.Withdrawn.ShouldBe([2]);
        election.Title.ShouldBe("A sample election");
    }

    [Fact]
    public void Merges_identical_rankings_so_memory_follows_distinct_rankings()
    {
        var election = Blt.Read(new StringReader(Sample));

        election.Rankings.Count.ShouldBe(2);
        election.Rankings[0].Preferences.ShouldBe([0, 1]);
        election.Rankings[0].Weight.ShouldBe(4);
        election.BallotCount.ShouldBe(6);
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_election()
    {
        var election = Blt.Read(new StringReader(Sample)) with { TieOrder = [3, 2, 1, 0] };
        var text = new StringWriter();

        Blt.Write(election, text);
        var again = Blt.Read(new StringReader(text.ToString()));

        again.Candidates.ShouldBe(election.Candidates);
        again.Title.ShouldBe(election.Title);
        again.Seats.ShouldBe(election.Seats);
        again.Withdrawn.ShouldBe(election.Withdrawn);
        again.TieOrder.ShouldBe(election.TieOrder);
        again.Rankings.Select(r => (string.Join(' ', r.Preferences), r.Weight))
            .ShouldBe(election.Rankings.Select(r => (string.Join(' ', r.Preferences), r.Weight)));
    }

    [Theory]
    [InlineData("", 1, "the file is empty")]
    [InlineData("3\n", 1, "the first line must be two whole numbers: candidates and seats")]
    [InlineData("3 4\n", 1, "4 seats for 3 candidates is not an election")]
    [InlineData("3 1\n1 1 2=3 0\n", 2, "equal rankings (\"2=3\") are not supported: each preference must name one candidate")]
    [InlineData("3 1\n1 1 - 3 0\n", 2, "a skipped preference (\"-\") is not supported: number the preferences without gaps")]
    [InlineData("3 1\n1 1 2\n", 2, "a ballot must end with 0")]
    [InlineData("3 1\n1 1 4 0\n", 2, "candidate 4 does not exist (there are 3)")]
    [InlineData("3 1\n1 2 2 0\n", 2, "candidate 2 is ranked twice")]
    [InlineData("3 1\nx 1 0\n", 2, "a ballot must start with a positive whole weight, found \"x\"")]
    [InlineData("3 1\n1 1 0\n", 2, "the file ends before the '0' line that closes the ballots")]
    [InlineData("3 1\n1 1 0\n0\n\"A\"\n\"B\"\n", 5, "expected 3 candidate names and a title, found 2 names")]
    [InlineData("3 1\n1 1 0\n0\n\"A\n", 4, "a quoted name has no closing quote")]
    [InlineData("3 1\n[order 1 2 3]\n", 2, "unknown option line \"[order 1 2 3]\"")]
    public void Malformed_input_names_the_line_and_the_fault(string text, int line, string problem)
    {
        var error = Should.Throw<BltFormatException>(() => Blt.Read(new StringReader(text)));

        error.Line.ShouldBe(line);
        error.Problem.ShouldBe(problem);
        error.Message.ShouldBe($"line {line}: {problem}");
    }
}
