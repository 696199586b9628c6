using Consultation.Counting.Ballots;

namespace Consultation.Counting.Methods;

/// <summary>
/// Block approval voting: every candidate named on a ballot gets one vote from it, whatever the order, and the
/// candidates with the most votes fill the seats. A tie for the last seats is settled by lot.
/// </summary>
public sealed class BlockApproval : ICountingMethod
{
    public string Name => "approval";

    public CountResult Count(Election election, CountOptions options, CancellationToken cancellation = default)
    {
        if (options.Constraints is not null)
        {
            throw new ElectionInputException("constraints apply to the STV methods (scottish-stv, meek-stv), not to approval");
        }
        var sheet = new CountSheet(election, options, cancellation);
        var totals = new long[election.Candidates.Count];
        long ballots = 0;
        foreach (var ranking in election.Rankings)
        {
            var approved = ranking.Preferences.Where(sheet.IsHopeful).ToList();
            foreach (var candidate in approved)
            {
                totals[candidate] += ranking.Weight;
            }
            ballots += approved.Count > 0 ? ranking.Weight : 0;
        }
        while (sheet.SeatsLeft > 0)
        {
            var hopefuls = sheet.Hopefuls();
            var best = hopefuls.Max(c => totals[c]);
            var tied = hopefuls.Where(c => totals[c] == best).ToList();
            if (tied.Count <= sheet.SeatsLeft)
            {
                sheet.ElectInOrder(tied, totals, "with the most approvals");
                continue;
            }
            var seatsLeft = sheet.SeatsLeft;
            var why = $"{string.Join(", ", tied.Select(sheet.Name))} tie with {best} approvals for {seatsLeft} seat(s)";
            for (var seat = 0; seat < seatsLeft; seat++)
            {
                var drawn = sheet.DrawLot(tied, why, "to be elected");
                sheet.Elect(drawn, "by lot");
                tied.Remove(drawn);
            }
        }
        sheet.CloseStage(StageAction.Approvals, null, totals, 0, 0);
        return sheet.Result("approval", "Block approval: one vote for each candidate a ballot names, most votes win", ballots, 0, 0);
    }
}
