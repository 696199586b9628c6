using System.Text.Json;

namespace Consultation.Counting.Constraints;

/// <summary>
/// A group of candidates with a minimum and maximum number to be elected, e.g. "women: at least 2".
/// Each category belongs to a dimension (gender, region...); a candidate is in at most one category per dimension.
/// </summary>
/// <param name="Candidates">0-based candidate indices.</param>
public sealed record Category(string Dimension, string Name, int Min, int Max, IReadOnlyList<int> Candidates)
{
    public override string ToString() => $"{Dimension} '{Name}'";
}

/// <summary>
/// Minimum and maximum numbers elected per category, read from JSON:
/// <code>
/// { "dimensions": { "gender": { "women": { "min": 2, "candidates": [1, 3, 5] },
///                               "men":   { "max": 2, "candidates": [2, 4] } },
///                   "region": { "north": { "min": 1, "max": 2, "candidates": [1, 2] } } } }
/// </code>
/// Candidates are numbered from 1 in ballot-file order.
/// </summary>
public sealed record ConstraintSet(IReadOnlyList<Category> Categories)
{
    public static ConstraintSet Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var categories = new List<Category>();
            foreach (var dimension in Property(document.RootElement, "dimensions", "the top level").EnumerateObject())
            {
                foreach (var category in dimension.Value.EnumerateObject())
                {
                    var where = $"{dimension.Name} '{category.Name}'";
                    var min = Number(category.Value, "min", where) ?? 0;
                    var max = Number(category.Value, "max", where) ?? int.MaxValue;
                    var candidates = Property(category.Value, "candidates", where).EnumerateArray().Select(c => c.GetInt32() - 1).ToArray();
                    if (min < 0 || min > max)
                    {
                        throw new ElectionInputException($"constraints: {where} has min {min} and max {max}");
                    }
                    categories.Add(new Category(dimension.Name, category.Name, min, max, candidates));
                }
            }
            return new ConstraintSet(categories);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new ElectionInputException($"constraints: not valid JSON of the expected shape ({e.Message})");
        }
    }

    /// <summary>Checks the constraints name real candidates, at most one category per dimension each.</summary>
    public void Validate(int candidates)
    {
        foreach (var category in Categories)
        {
            if (category.Candidates.FirstOrDefault(c => c < 0 || c >= candidates, -1) is var bad && bad != -1)
            {
                throw new ElectionInputException($"constraints: {category} names candidate {bad + 1}, but there are {candidates}");
            }
        }
        foreach (var dimension in Categories.GroupBy(c => c.Dimension))
        {
            var twice = dimension.SelectMany(c => c.Candidates).GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
            {
                throw new ElectionInputException($"constraints: candidate {twice.Key + 1} is in two categories of {dimension.Key}");
            }
        }
    }

    private static JsonElement Property(JsonElement element, string name, string where) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new ElectionInputException($"constraints: {where} needs \"{name}\"");

    private static int? Number(JsonElement element, string name, string where) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : throw new ElectionInputException($"constraints: {where} \"{name}\" must be a whole number");
}
