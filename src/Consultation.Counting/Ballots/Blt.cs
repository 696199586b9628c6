using System.Globalization;
using System.Text;

namespace Consultation.Counting.Ballots;

/// <summary>
/// Reads and writes the BLT ballot format: a <c>candidates seats</c> line, an optional line of withdrawn
/// candidates (<c>-2 -5</c>), an optional <c>[tie 3 1 2]</c> line, one <c>weight c1 c2 ... 0</c> line per
/// ranking, a line <c>0</c>, one name per candidate (quoted or not) and a title.
/// </summary>
public static class Blt
{
    public static Election Read(TextReader input)
    {
        var lines = new LineSource(input);
        var (candidates, seats) = ReadHeader(lines);
        var withdrawn = new HashSet<int>();
        IReadOnlyList<int>? tieOrder = null;
        var box = new BallotBox();
        var preferences = new List<int>();
        while (true)
        {
            var line = lines.Next() ?? throw lines.Error("the file ends before the '0' line that closes the ballots");
            var tokens = Tokens(line);
            if (tokens.Length == 0)
            {
                continue;
            }
            if (tokens[0] == "0" && tokens.Length == 1)
            {
                break;
            }
            if (tokens[0].StartsWith('-'))
            {
                foreach (var token in tokens)
                {
                    withdrawn.Add(ParseCandidate(lines, token.TrimStart('-'), candidates));
                }
            }
            else if (tokens[0].StartsWith('['))
            {
                tieOrder = ParseTieOrder(lines, line, candidates);
            }
            else
            {
                var weight = ParseBallot(lines, tokens, candidates, preferences);
                box.Add(preferences.ToArray(), weight);
            }
        }
        var names = ReadNames(lines, candidates + 1);
        if (names.Count < candidates + 1)
        {
            throw lines.Error($"expected {candidates} candidate names and a title, found {names.Count} names");
        }
        return new Election(names[candidates], names.Take(candidates).ToArray(), seats, box.ToRankings(), withdrawn)
        {
            TieOrder = tieOrder,
        };
    }

    public static Election Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader);
    }

    public static void Write(Election election, TextWriter output)
    {
        output.Write($"{election.Candidates.Count} {election.Seats}\n");
        if (election.Withdrawn.Count > 0)
        {
            output.Write(string.Join(' ', election.Withdrawn.Order().Select(c => $"-{c + 1}")) + "\n");
        }
        if (election.TieOrder is { } tieOrder)
        {
            output.Write($"[tie {string.Join(' ', tieOrder.Select(c => c + 1))}]\n");
        }
        foreach (var ranking in election.Rankings)
        {
            output.Write(ranking.Weight.ToString(CultureInfo.InvariantCulture));
            foreach (var candidate in ranking.Preferences)
            {
                output.Write($" {candidate + 1}");
            }
            output.Write(" 0\n");
        }
        output.Write("0\n");
        foreach (var name in election.Candidates.Append(election.Title))
        {
            output.Write($"\"{name}\"\n");
        }
    }

    private static (int Candidates, int Seats) ReadHeader(LineSource lines)
    {
        string[] tokens;
        do
        {
            tokens = Tokens(lines.Next() ?? throw lines.Error("the file is empty"));
        }
        while (tokens.Length == 0);
        if (tokens.Length != 2
            || !int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var candidates)
            || !int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seats))
        {
            throw lines.Error("the first line must be two whole numbers: candidates and seats");
        }
        if (candidates < 1 || seats < 1 || seats > candidates)
        {
            throw lines.Error($"{seats} seats for {candidates} candidates is not an election");
        }
        return (candidates, seats);
    }

    private static long ParseBallot(LineSource lines, string[] tokens, int candidates, List<int> preferences)
    {
        if (!long.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight == 0)
        {
            throw lines.Error($"a ballot must start with a positive whole weight, found \"{tokens[0]}\"");
        }
        if (tokens[^1] != "0")
        {
            throw lines.Error("a ballot must end with 0");
        }
        preferences.Clear();
        foreach (var token in tokens.AsSpan(1, tokens.Length - 2))
        {
            if (token.Contains('='))
            {
                throw lines.Error($"equal rankings (\"{token}\") are not supported: each preference must name one candidate");
            }
            if (token == "-")
            {
                throw lines.Error("a skipped preference (\"-\") is not supported: number the preferences without gaps");
            }
            var candidate = ParseCandidate(lines, token, candidates);
            if (preferences.Contains(candidate))
            {
                throw lines.Error($"candidate {candidate + 1} is ranked twice");
            }
            preferences.Add(candidate);
        }
        return weight;
    }

    private static int ParseCandidate(LineSource lines, string token, int candidates)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw lines.Error($"\"{token}\" is not a candidate number");
        }
        if (number < 1 || number > candidates)
        {
            throw lines.Error($"candidate {number} does not exist (there are {candidates})");
        }
        return number - 1;
    }

    private static int[] ParseTieOrder(LineSource lines, string line, int candidates)
    {
        var inner = line.Trim();
        if (!inner.StartsWith("[tie", StringComparison.Ordinal) || !inner.EndsWith(']'))
        {
            throw lines.Error($"unknown option line \"{inner}\"");
        }
        var order = Tokens(inner[4..^1]).Select(t => ParseCandidate(lines, t, candidates)).ToArray();
        if (order.Distinct().Count() != order.Length)
        {
            throw lines.Error("the tie order names a candidate twice");
        }
        return order;
    }

    /// <summary>Names may be one per line unquoted, or quoted, several to a line.</summary>
    private static List<string> ReadNames(LineSource lines, int wanted)
    {
        var names = new List<string>();
        // Anything after the title is commentary (some published files carry a source note there).
        while (names.Count < wanted && lines.Next() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }
            if (!text.StartsWith('"'))
            {
                names.Add(text);
                continue;
            }
            var parts = text.Split('"');
            if (parts.Length % 2 == 0)
            {
                throw lines.Error("a quoted name has no closing quote");
            }
            for (var i = 1; i < parts.Length; i += 2)
            {
                if (!string.IsNullOrWhiteSpace(parts[i - 1]))
                {
                    throw lines.Error($"unexpected text \"{parts[i - 1].Trim()}\" between quoted names");
                }
                names.Add(parts[i]);
            }
        }
        return names;
    }

    private static string[] Tokens(string line) =>
        line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Hands out lines and remembers the current line number for error messages.</summary>
    private sealed class LineSource(TextReader reader)
    {
        private int number;

        public string? Next()
        {
            var line = reader.ReadLine();
            if (line is not null)
            {
                number++;
            }
            return line;
        }

        public BltFormatException Error(string problem) => new(Math.Max(number, 1), problem);
    }
}
