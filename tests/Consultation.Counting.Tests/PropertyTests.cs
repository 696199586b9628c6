using Consultation.Counting.Methods;
using CsCheck;

namespace Consultation.Counting.Tests;

public class PropertyTests
{
    public static TheoryData<string> Methods => new(CountingMethods.All.Select(m => m.Name));

    private static CountResult Count(string method, Ballots.Election election, string seed = "seed") =>
        CountingMethods.Find(method)!.Count(election, new CountOptions { Seed = seed }, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("scottish-stv")]
    [InlineData("meek-stv")]
    public void Votes_are_conserved_at_every_stage(string method) =>
        RandomElections.Elections.Sample(election =>
        {
            var result = Count(method, election);
            foreach (var stage in result.Stages)
            {
                (stage.Totals.Sum() + stage.NonTransferable).ShouldBe(result.Valid, $"stage {stage.Number}");
                stage.NonTransferable.ShouldBeGreaterThanOrEqualTo(0);
            }
        }, iter: 300);

    [Theory]
    [MemberData(nameof(Methods))]
    public void Exactly_the_number_of_seats_is_filled(string method) =>
        RandomElections.Elections.Sample(election =>
        {
            var result = Count(method, election);
            result.Elected.Count.ShouldBe(election.Seats);
            result.Elected.Select(e => e.Candidate).Distinct().Count().ShouldBe(election.Seats);
        }, iter: 300);

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_result_does_not_depend_on_ballot_order(string method) =>
        RandomElections.Elections.SelectMany(e => Gen.Shuffle(e.Rankings.ToArray()).Select(shuffled => (e, shuffled)))
            .Sample(pair =>
            {
                var (election, shuffled) = pair;
                var reordered = election with { Rankings = shuffled };
                RandomElections.Sheet(Count(method, reordered)).ShouldBe(RandomElections.Sheet(Count(method, election)));
            }, iter: 200);

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_same_input_and_seed_give_the_same_output(string method) =>
        RandomElections.Elections.Sample(election =>
            RandomElections.Sheet(Count(method, election, "s1")).ShouldBe(RandomElections.Sheet(Count(method, election, "s1"))),
            iter: 200);

    [Theory]
    [InlineData("scottish-stv")]
    [InlineData("meek-stv")]
    public void Feasible_constraints_always_hold_in_the_result(string method)
    {
        var feasibleCounts = 0;
        RandomElections.Elections.SelectMany(e => RandomElections.Constraints(e.Candidates.Count).Select(c => (e, c)))
            .Sample(pair =>
            {
                var (election, constraints) = pair;
                CountResult result;
                try
                {
                    result = CountingMethods.Find(method)!.Count(
                        election, new CountOptions { Constraints = constraints }, TestContext.Current.CancellationToken);
                }
                catch (ElectionInputException e) when (e.Message.StartsWith("the constraints cannot be met", StringComparison.Ordinal))
                {
                    return;
                }
                Interlocked.Increment(ref feasibleCounts);
                result.Elected.Count.ShouldBe(election.Seats);
                foreach (var category in constraints.Categories)
                {
                    var elected = result.Elected.Count(e => category.Candidates.Contains(e.Candidate));
                    elected.ShouldBeInRange(category.Min, category.Max, category.ToString());
                }
            }, iter: 300);
        feasibleCounts.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Writing_a_ballot_file_and_reading_it_back_changes_nothing() =>
        RandomElections.Elections.Sample(election =>
        {
            var text = new StringWriter();
            Ballots.Blt.Write(election, text);
            var again = Ballots.Blt.Read(new StringReader(text.ToString()));
            RandomElections.Sheet(Count("scottish-stv", again)).ShouldBe(RandomElections.Sheet(Count("scottish-stv", election)));
            again.Rankings.Select(r => (string.Join(' ', r.Preferences), r.Weight))
                .ShouldBe(election.Rankings.Select(r => (string.Join(' ', r.Preferences), r.Weight)));
        }, iter: 200);

    [Fact]
    public void A_lot_depends_only_on_the_seed_and_the_draw_number()
    {
        var draws = Enumerable.Range(0, 50).Select(_ => new Lot("2026 rapporteurs")).Select(l => (l.Draw(7), l.Draw(7))).Distinct();
        draws.Count().ShouldBe(1);
        var seeds = Enumerable.Range(0, 50).Select(i => new Lot($"seed {i}").Draw(7)).Distinct();
        seeds.Count().ShouldBeGreaterThan(1);
    }
}
