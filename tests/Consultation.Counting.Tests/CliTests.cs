using System.Text.Json;
using Consultation.Cli;

namespace Consultation.Counting.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("consultation-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = ConsultationCommand.Run(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string TempFile(string text, string extension = ".blt")
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Json_gives_one_object_per_file_with_the_declared_fields()
    {
        var ward1 = ElectionFiles.Path("edinburgh-2017/ballots/edinburgh_2017_ward1.blt");
        var ward2 = ElectionFiles.Path("edinburgh-2017/ballots/edinburgh_2017_ward2.blt");

        var (exitCode, output, error) = Run("count", ward1, ward2, "--method", "scottish-stv", "--format", "json");

        exitCode.ShouldBe(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        var root = JsonDocument.Parse(lines[0]).RootElement;
        root.GetProperty("file").GetString().ShouldBe(ward1);
        root.GetProperty("title").GetString().ShouldBe("Ward 1 - Almond");
        root.GetProperty("method").GetString().ShouldBe("scottish-stv");
        root.GetProperty("seats").GetInt32().ShouldBe(4);
        root.GetProperty("valid").GetString().ShouldBe("14207.00000");
        root.GetProperty("quota").GetString().ShouldBe("2842.00000");
        root.GetProperty("candidates")[3].GetString().ShouldBe("Kevin LANG (LD)");
        var first = root.GetProperty("elected")[0];
        (first.GetProperty("candidate").GetInt32(), first.GetProperty("name").GetString(), first.GetProperty("stage").GetInt32())
            .ShouldBe((4, "Kevin LANG (LD)", 1));
        var stages = root.GetProperty("stages");
        stages.GetArrayLength().ShouldBe(10);
        stages[0].GetProperty("action").GetString().ShouldBe("first-preferences");
        stages[0].GetProperty("subject").ValueKind.ShouldBe(JsonValueKind.Null);
        stages[1].GetProperty("action").GetString().ShouldBe("surplus");
        stages[1].GetProperty("subject").GetInt32().ShouldBe(4);
        stages[1].GetProperty("totals")[0].GetString().ShouldBe("112.84448");
        stages[1].GetProperty("nonTransferable").GetString().ShouldBe("84.71840");
        stages[1].GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain("Louise YOUNG (LD) is elected having reached the quota.");
    }

    [Fact]
    public void Meek_json_gives_totals_to_9_decimals_and_states_the_rule()
    {
        var file = TempFile("3 2\n4 1 2 0\n2 3 0\n0\n\"Castor\"\n\"Pollux\"\n\"Helen\"\n\"Twins\"\n");

        var (exitCode, output, _) = Run("count", file, "--method", "meek-stv", "--format", "json");

        exitCode.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("rule").GetString()!.ShouldContain("PR Foundation reference rule");
        root.GetProperty("stages")[0].GetProperty("quota").GetString().ShouldBe("2.000000001");
        root.GetProperty("stages")[1].GetProperty("totals")[0].GetString().ShouldBe("2.000000004");
    }

    [Fact]
    public void Approval_text_has_no_quota_and_says_when_a_lot_was_drawn()
    {
        var file = TempFile("3 1\n2 1 0\n2 2 0\n1 3 0\n0\nAnn\nBob\nCy\nSpeaker\n");

        var (exitCode, output, _) = Run("count", file, "--method", "approval", "--seed", "42");

        exitCode.ShouldBe(0);
        output.ShouldContain("Seats: 1   Valid votes: 5\n");
        output.ShouldContain("a lot was drawn (seed \"42\")");
        output.ShouldContain("A lot was drawn to settle a tie; see the notes above.");
    }

    [Fact]
    public void Text_is_a_stage_by_stage_sheet()
    {
        var file = TempFile("3 1\n4 1 0\n3 2 0\n2 3 2 0\n0\n\"Ann\"\n\"Bob\"\n\"Cy\"\n\"Chair\"\n");

        var (exitCode, output, _) = Run("count", file, "--method", "scottish-stv");

        exitCode.ShouldBe(0);
        output.ShouldContain("Seats: 1   Valid votes: 9.00000   Quota: 5.00000");
        output.ShouldContain("Stage 2: exclusion of Cy");
        output.ShouldContain("  Bob                          5.00000          +2.00000");
        output.ShouldContain("Bob is elected having reached the quota.");
    }

    [Theory]
    [InlineData("3 1\n1 1 2=3 0\n0\n", "line 2: equal rankings (\"2=3\") are not supported: each preference must name one candidate")]
    [InlineData("3 1\n1 1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n", null)]
    public void Bad_ballot_files_exit_with_2_and_a_one_line_reason(string text, string? reason)
    {
        var file = TempFile(text);

        var (exitCode, _, error) = Run("count", file, "--method", "scottish-stv", "--seats", reason is null ? "4" : "1");

        exitCode.ShouldBe(2);
        error.TrimEnd().ShouldNotContain('\n');
        error.ShouldStartWith($"consultation: {file}: ");
        if (reason is not null)
        {
            error.TrimEnd().ShouldEndWith(reason);
        }
    }

    [Fact]
    public void Constraints_that_cannot_be_met_exit_with_2_and_the_reason()
    {
        var ballots = TempFile("3 2\n4 1 0\n3 2 0\n2 3 0\n0\nAnn\nBob\nCy\nBoard\n");
        var constraints = TempFile("""{ "dimensions": { "gender": { "women": { "min": 3, "candidates": [1, 3] } } } }""", ".json");

        var (exitCode, _, error) = Run("count", ballots, "--method", "meek-stv", "--constraints", constraints);

        exitCode.ShouldBe(2);
        error.TrimEnd().ShouldBe($"consultation: {ballots}: the constraints cannot be met: gender 'women' needs at least 3 elected but has only 2 candidates");
    }

    [Fact]
    public void A_cancelled_count_exits_with_1_and_says_so()
    {
        var file = TempFile("3 1\n4 1 0\n3 2 0\n0\nAnn\nBob\nCy\nChair\n");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var error = new StringWriter();

        var exitCode = ConsultationCommand.Run(["count", file, "--method", "scottish-stv"], new StringWriter(), error, cancellation.Token);

        exitCode.ShouldBe(1);
        error.ToString().TrimEnd().ShouldBe($"consultation: {file}: count cancelled");
    }

    [Theory]
    [InlineData("count", "x.blt", "--method", "nonsense")]
    [InlineData("count", "x.blt")]
    [InlineData("count", "no-such-file.blt", "--method", "scottish-stv")]
    public void Bad_command_lines_exit_with_2_and_a_one_line_reason(params string[] args)
    {
        var (exitCode, output, error) = Run(args);

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldStartWith("consultation: ");
        error.TrimEnd().ShouldNotContain('\n');
    }
}
