namespace Consultation.Counting.Ballots;

/// <summary>A ballot file that does not follow the BLT format; the message names the line and the fault.</summary>
public sealed class BltFormatException(int line, string problem)
    : ElectionInputException($"line {line}: {problem}")
{
    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
