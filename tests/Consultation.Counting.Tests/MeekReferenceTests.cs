using System.Globalization;
using System.Text.RegularExpressions;
using Consultation.Counting.Ballots;
using Consultation.Counting.Methods;

namespace Consultation.Counting.Tests;

/// <summary>
/// Meek STV against Droop's PR Foundation reference dumps (meek-prf, omega 1e-6, 9 dp) and stv-rs fixed9 logs.
/// Both draw lots by the published tie order, or by file order when none is published; the tests publish that
/// order so the same lots fall.
/// </summary>
public partial class MeekReferenceTests
{
    private const string DroopFolder = "droop-meek-wigm-reference";
    private const string StvRsFolder = "stv-rs-meek-reference";

    /// <summary>
    /// stv-rs follows Droop's parametric Meek, which truncates w x kf and w x (1 - kf) separately where the PR
    /// Foundation rule rounds the kept part up and subtracts. The counts, lots and winners agree exactly and the
    /// votes to within 2e-8, far below omega (1e-6).
    /// </summary>
    private const long StvRsTolerance = 20;

    public static TheoryData<string> DroopCases =>
        ElectionFiles.Cases(dir => Directory.GetFiles(dir, "*-meek-prf-o6-fixed-p9-d9.txt").Select(f => Path.GetFileName(f).Split("-meek")[0]).Order(), DroopFolder);

    public static TheoryData<string> StvRsCases =>
        ElectionFiles.Cases(dir => Directory.GetFiles(dir, "*.fixed9.log").Select(f => Path.GetFileName(f).Split('.')[0]).Order(), StvRsFolder);

    [Theory]
    [MemberData(nameof(DroopCases))]
    public void Droop_meek_prf_reference_matches_every_round(string name)
    {
        var election = WithFileOrderTies(ElectionFiles.Read($"{DroopFolder}/{name}.blt"));
        var dump = DroopDump.Read(ElectionFiles.Path($"{DroopFolder}/{name}-meek-prf-o6-fixed-p9-d9.txt"));

        var result = new MeekStv().Count(election, new CountOptions(), TestContext.Current.CancellationToken);

        var rounds = dump.MeekStages();
        result.Stages.Count.ShouldBeInRange(rounds.Count, rounds.Count + 1);
        foreach (var (stage, expected) in result.Stages.Zip(rounds))
        {
            foreach (var (candidate, vote) in expected.Votes)
            {
                result.Format(stage.Totals[candidate]).ShouldBe(vote, $"stage {stage.Number}, {election.Candidates[candidate]}");
            }
            result.Format(stage.Quota).ShouldBe(expected.Columns["Quota"], $"stage {stage.Number}, quota");
            result.Format(stage.NonTransferable).ShouldBe(expected.Columns["Residual"], $"stage {stage.Number}, residual");
        }
        result.Elected.Select(e => e.Candidate).Order().ShouldBe(dump.Elected());
    }

    [Theory]
    [MemberData(nameof(StvRsCases))]
    public void Stv_rs_fixed9_log_matches_every_round(string name)
    {
        var election = WithFileOrderTies(ElectionFiles.Read($"{StvRsFolder}/{name}.blt"));
        var log = File.ReadAllText(ElectionFiles.Path($"{StvRsFolder}/{name}.fixed9.log"));

        var result = new MeekStv().Count(election, new CountOptions(), TestContext.Current.CancellationToken);

        var rounds = Regex.Split(log, @"^Round \d+:$", RegexOptions.Multiline).Skip(1).ToList();
        result.Stages.Count.ShouldBeInRange(rounds.Count, rounds.Count + 1);
        foreach (var (stage, round) in result.Stages.Zip(rounds))
        {
            // The first block listing candidates shows the round's votes before any defeat clears them.
            var block = Regex.Split(round, "^Action: ", RegexOptions.Multiline).First(b => CandidateLine().IsMatch(b));
            foreach (Match line in CandidateLine().Matches(block))
            {
                var candidate = election.Candidates.ToList().IndexOf(line.Groups["name"].Value);
                ShouldBeNear(stage.Totals[candidate], line.Groups["vote"].Value, $"stage {stage.Number}, {line.Groups["name"].Value}");
            }
            ShouldBeNear(stage.Quota, Regex.Match(block, @"Quota: (\S+)").Groups[1].Value, $"stage {stage.Number}, quota");
            ShouldBeNear(stage.NonTransferable, Regex.Match(block, @"Residual: (\S+)").Groups[1].Value, $"stage {stage.Number}, residual");
        }
        var elected = Regex.Matches(log.Split("Action: Count Complete")[1], @"Elected:\s+(.+) \(").Select(m => m.Groups[1].Value);
        result.Elected.Select(e => election.Candidates[e.Candidate]).Order().ShouldBe(elected.Order());
        result.LotDrawn.ShouldBe(log.Contains("Break tie", StringComparison.Ordinal));
    }

    private static void ShouldBeNear(long actual, string expected, string what) =>
        Math.Abs(actual - (long)(decimal.Parse(expected, CultureInfo.InvariantCulture) * 1_000_000_000))
            .ShouldBeLessThanOrEqualTo(StvRsTolerance, $"{what}: {FixedPoint.Format(actual, 9)} against {expected}");

    private static Election WithFileOrderTies(Election election) =>
        election with { TieOrder = election.TieOrder ?? Enumerable.Range(0, election.Candidates.Count).ToArray() };

    [GeneratedRegex(@"^\t(?:Elected|Hopeful):\s+(?<name>.+) \((?<vote>[\d.]+)\)$", RegexOptions.Multiline)]
    private static partial Regex CandidateLine();
}
