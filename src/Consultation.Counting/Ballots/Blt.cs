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
    public static Election Read(TextReader input) => new Parser(input).Read();

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

    private static string[] Tokens(string line) =>
        line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>One pass over a ballot file; remembers the line number for error messages.</summary>
    private sealed class Parser(TextReader reader)
    {
        private readonly Dictionary<string, int> nicknames = [];
        private int line;
        private int candidates;

        public Election Read()
        {
            var seats = ReadHeader();
            var withdrawn = new HashSet<int>();
            IReadOnlyList<int>? tieOrder = null;
            var box = new BallotBox();
            var preferences = new List<int>();
            while (true)
            {
                var text = Next() ?? throw Error("the file ends before the '0' line that closes the ballots");
                var tokens = Tokens(text);
                if (tokens.Length == 0)
                {
                    continue;
                }
                if (tokens is ["0"])
                {
                    break;
                }
                if (tokens[0].StartsWith('-'))
                {
                    withdrawn.UnionWith(tokens.Select(t => Candidate(t[1..])));
                }
                else if (tokens[0].StartsWith('['))
                {
                    ReadOption(text.Trim(), withdrawn, ref tieOrder);
                }
                else
                {
                    var weight = ReadBallot(tokens, preferences);
                    box.Add(preferences.ToArray(), weight);
                }
            }
            var names = ReadNames(candidates + 1);
            if (names.Count < candidates + 1)
            {
                throw Error($"expected {candidates} candidate names and a title, found {names.Count} names");
            }
            return new Election(names[candidates], names.Take(candidates).ToArray(), seats, box.ToRankings(), withdrawn)
            {
                TieOrder = tieOrder,
            };
        }

        private int ReadHeader()
        {
            string[] tokens;
            do
            {
                tokens = Tokens(Next() ?? throw Error("the file is empty"));
            }
            while (tokens.Length == 0);
            if (tokens.Length != 2
                || !int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out candidates)
                || !int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seats))
            {
                throw Error("the first line must be two whole numbers: candidates and seats");
            }
            if (candidates < 1 || seats < 1 || seats > candidates)
            {
                throw Error($"{seats} seats for {candidates} candidates is not an election");
            }
            return seats;
        }

        /// <summary>Bracketed options: <c>[tie ...]</c>, and the <c>[nick ...]</c> and <c>[withdrawn ...]</c> lines some counters write.</summary>
        private void ReadOption(string text, HashSet<int> withdrawn, ref IReadOnlyList<int>? tieOrder)
        {
            var tokens = text.EndsWith(']') ? Tokens(text[1..^1]) : [];
            switch (tokens)
            {
                case ["nick", .. var nicks] when nicks.Length == candidates:
                    for (var c = 0; c < nicks.Length; c++)
                    {
                        nicknames[nicks[c]] = c;
                    }
                    break;
                case ["withdrawn", .. var names]:
                    withdrawn.UnionWith(names.Select(Candidate));
                    break;
                case ["tie", .. var order]:
                    var ranks = order.Select(Candidate).ToArray();
                    if (ranks.Distinct().Count() != ranks.Length)
                    {
                        throw Error("the tie order names a candidate twice");
                    }
                    tieOrder = ranks;
                    break;
                default:
                    throw Error($"unknown option line \"{text}\"");
            }
        }

        private long ReadBallot(string[] tokens, List<int> preferences)
        {
            if (!long.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight == 0)
            {
                throw Error($"a ballot must start with a positive whole weight, found \"{tokens[0]}\"");
            }
            if (tokens[^1] != "0")
            {
                throw Error("a ballot must end with 0");
            }
            preferences.Clear();
            foreach (var token in tokens.AsSpan(1, tokens.Length - 2))
            {
                if (token.Contains('='))
                {
                    throw Error($"equal rankings (\"{token}\") are not supported: each preference must name one candidate");
                }
                if (token == "-")
                {
                    throw Error("a skipped preference (\"-\") is not supported: number the preferences without gaps");
                }
                var candidate = Candidate(token);
                if (preferences.Contains(candidate))
                {
                    throw Error($"candidate {candidate + 1} is ranked twice");
                }
                preferences.Add(candidate);
            }
            return weight;
        }

        /// <summary>A candidate number (1-based) or a nickname from a <c>[nick ...]</c> line, as a 0-based index.</summary>
        private int Candidate(string token)
        {
            if (nicknames.TryGetValue(token, out var nicknamed))
            {
                return nicknamed;
            }
            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw Error($"\"{token}\" is not a candidate number");
            }
            if (number < 1 || number > candidates)
            {
                throw Error($"candidate {number} does not exist (there are {candidates})");
            }
            return number - 1;
        }

        /// <summary>Names may be one per line unquoted, or quoted, several to a line.</summary>
        private List<string> ReadNames(int wanted)
        {
            var names = new List<string>();
            // Anything after the title is commentary (some published files carry a source note there).
            while (names.Count < wanted && Next() is { } text)
            {
                text = text.Trim();
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
                    throw Error("a quoted name has no closing quote");
                }
                for (var i = 1; i < parts.Length; i += 2)
                {
                    if (!string.IsNullOrWhiteSpace(parts[i - 1]))
                    {
                        throw Error($"unexpected text \"{parts[i - 1].Trim()}\" between quoted names");
                    }
                    names.Add(parts[i]);
                }
            }
            return names;
        }

        private string? Next()
        {
            var text = reader.ReadLine();
            if (text is not null)
            {
                line++;
            }
            return text;
        }

        private BltFormatException Error(string problem) => new(Math.Max(line, 1), problem);
    }
}
