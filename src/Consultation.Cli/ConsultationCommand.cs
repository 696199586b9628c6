using System.CommandLine;
using Consultation.Counting;
using Consultation.Counting.Ballots;
using Consultation.Counting.Constraints;
using Consultation.Counting.Methods;

namespace Consultation.Cli;

/// <summary>
/// <c>consultation count FILE.blt [FILE.blt ...] --method M [--seats N] [--constraints FILE.json] [--seed TEXT] [--format text|json]</c>.
/// Exit code 0 on success, 2 for bad input (with a one-line reason on stderr), 1 if cancelled.
/// </summary>
public static class ConsultationCommand
{
    public const int Success = 0;
    public const int Cancelled = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var files = new Argument<string[]>("files") { Description = "BLT ballot files to count", Arity = ArgumentArity.OneOrMore };
        var method = new Option<string>("--method") { Description = "Counting method", Required = true };
        method.AcceptOnlyFromAmong([.. CountingMethods.All.Select(m => m.Name)]);
        var seats = new Option<int?>("--seats") { Description = "Number of seats (overrides the ballot file)" };
        var constraints = new Option<string?>("--constraints") { Description = "JSON file of minimum/maximum elected per category" };
        var seed = new Option<string?>("--seed") { Description = "Seed for drawing lots (publish it with the election)" };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var count = new Command("count", "Count one or more elections and print the result sheet")
        {
            files, method, seats, constraints, seed, format,
        };
        count.SetAction(parsed => Count(
            parsed.GetValue(files)!,
            CountingMethods.Find(parsed.GetValue(method)!)!,
            parsed.GetValue(seats),
            parsed.GetValue(constraints),
            parsed.GetValue(seed),
            parsed.GetValue(format) == "json",
            output,
            error,
            cancellation));
        var root = new RootCommand("Recount published Consultation elections") { count };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, so scripts can show the reason as it is.
            var reason = string.Join(' ', parse.Errors[0].Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            error.WriteLine($"consultation: {reason}");
            return BadInput;
        }
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int Count(
        string[] files, ICountingMethod method, int? seats, string? constraintsFile, string? seed, bool json,
        TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var source = "";
        try
        {
            ConstraintSet? constraints = null;
            if (constraintsFile is not null)
            {
                source = constraintsFile;
                constraints = ConstraintSet.Parse(File.ReadAllText(constraintsFile));
            }
            foreach (var file in files)
            {
                source = file;
                var election = Blt.Read(file);
                var options = new CountOptions { Seats = seats, Seed = seed, Constraints = constraints };
                var result = method.Count(election, options, cancellation);
                if (json)
                {
                    JsonSheet.Write(result, file, output);
                }
                else
                {
                    TextSheet.Write(result, output);
                }
            }
            return Success;
        }
        catch (Exception e) when (e is ElectionInputException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"consultation: {source}: {e.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"consultation: {source}: count cancelled");
            return Cancelled;
        }
    }
}
