using Consultation.Counting.Ballots;
using Consultation.Counting.Methods;

namespace Consultation.Counting.Tests;

public class ApprovalTests
{
    private static Election Ballots(string text) => Blt.Read(new StringReader(text));

    [Fact]
    public void The_most_approved_candidates_win_whatever_the_order_on_the_ballot()
    {
        var election = Ballots("4 2\n3 1 2 0\n2 2 3 0\n2 3 4 1 0\n0\nA\nB\nC\nD\nNetwork rapporteurs\n");

        var result = new BlockApproval().Count(election, new CountOptions(), TestContext.Current.CancellationToken);

        result.Stages.Single().Totals.ShouldBe([5L, 5, 4, 2]);
        result.Elected.Select(e => e.Candidate).ShouldBe([0, 1]);
        result.Valid.ShouldBe(7);
        result.LotDrawn.ShouldBeFalse();
    }

    [Fact]
    public void A_tie_for_the_last_seat_is_drawn_by_lot_the_same_way_for_the_same_seed()
    {
        var election = Ballots("3 2\n4 1 0\n2 2 0\n2 3 0\n0\nA\nB\nC\nTie\n");
        var options = new CountOptions { Seed = "published-seed" };

        var first = new BlockApproval().Count(election, options, TestContext.Current.CancellationToken);
        var again = new BlockApproval().Count(election, options, TestContext.Current.CancellationToken);

        first.LotDrawn.ShouldBeTrue();
        first.Elected[0].Candidate.ShouldBe(0);
        first.Elected[1].Candidate.ShouldBeOneOf(1, 2);
        again.Elected.ShouldBe(first.Elected);
        first.Stages.Single().Notes.ShouldContain(n => n.Contains("a lot was drawn (seed \"published-seed\")", StringComparison.Ordinal));
    }
}
