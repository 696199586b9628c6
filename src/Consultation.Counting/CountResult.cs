namespace Consultation.Counting;

public enum StageAction
{
    FirstPreferences,
    Surplus,
    Exclusion,
    Approvals,
}

/// <summary>
/// One stage of a count. Votes are whole numbers of units of 10^-decimals (see <see cref="CountResult.Decimals"/>),
/// so the sheet is exact and never touches floating point.
/// </summary>
/// <param name="Subject">The candidate whose surplus or papers moved, if any (0-based).</param>
/// <param name="Totals">Every candidate's votes after the stage, in file order.</param>
/// <param name="NonTransferable">Votes no longer with any candidate (exhausted papers and what rounding lost).</param>
/// <param name="Quota">The quota at this stage (it falls as votes exhaust under Meek; 0 where there is none).</param>
public sealed record Stage(
    int Number,
    StageAction Action,
    int? Subject,
    IReadOnlyList<long> Totals,
    long NonTransferable,
    long Quota,
    IReadOnlyList<string> Notes);

/// <param name="Candidate">0-based candidate index.</param>
/// <param name="Stage">The stage at which the candidate was declared elected.</param>
public sealed record ElectedCandidate(int Candidate, int Stage);

/// <summary>The full outcome of a count, enough to print a declaration or check it against another counter.</summary>
/// <param name="Method">The method's command-line name, e.g. <c>scottish-stv</c>.</param>
/// <param name="Rule">One sentence saying exactly which rule and arithmetic were applied.</param>
/// <param name="Valid">Valid votes in units.</param>
/// <param name="Quota">The quota in units at the last stage (0 where the method has none).</param>
/// <param name="Decimals">Votes are counted in units of 10^-Decimals.</param>
/// <param name="LotDrawn">True if any tie was settled by lot (or by a published tie order).</param>
public sealed record CountResult(
    string Title,
    string Method,
    string Rule,
    int Seats,
    IReadOnlyList<string> Candidates,
    long Valid,
    long Quota,
    int Decimals,
    IReadOnlyList<Stage> Stages,
    IReadOnlyList<ElectedCandidate> Elected,
    bool LotDrawn)
{
    /// <summary>Formats an amount in this count's units as a decimal string, e.g. 123456 at 5 decimals is "1.23456".</summary>
    public string Format(long units) => FixedPoint.Format(units, Decimals);
}
