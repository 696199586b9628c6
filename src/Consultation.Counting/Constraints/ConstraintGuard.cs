namespace Consultation.Counting.Constraints;

/// <summary>
/// Applies constraints inside an STV count by the guard/doom approach (Grey and Fitzgerald; Hill 1998 and
/// Otten 2001 for several dimensions): a hopeful is doomed if electing them would leave no way to fill the
/// seats within the constraints, and guarded if excluding them would. Doomed candidates are excluded,
/// guarded ones are protected from exclusion; so the constraints hold whenever they could hold at the start.
/// </summary>
internal sealed class ConstraintGuard
{
    private readonly IReadOnlyList<Category> categories;
    private readonly int[][] categoriesOf;
    private readonly int seats;

    public ConstraintGuard(ConstraintSet constraints, int candidates, int seats)
    {
        constraints.Validate(candidates);
        categories = constraints.Categories;
        categoriesOf = Enumerable.Range(0, candidates)
            .Select(c => Enumerable.Range(0, categories.Count).Where(k => categories[k].Candidates.Contains(c)).ToArray())
            .ToArray();
        this.seats = seats;
    }

    /// <summary>Before counting: why no set of winners can meet the constraints, or null if one can.</summary>
    public string? Infeasibility(bool[] gone)
    {
        if (CanComplete(new bool[gone.Length], gone))
        {
            return null;
        }
        var available = Enumerable.Range(0, gone.Length).Where(c => !gone[c]).ToList();
        foreach (var category in categories)
        {
            var members = category.Candidates.Count(c => !gone[c]);
            if (members < category.Min)
            {
                return $"{category} needs at least {category.Min} elected but has only {members} candidates";
            }
        }
        foreach (var dimension in categories.GroupBy(c => c.Dimension))
        {
            if (dimension.Sum(c => c.Min) > seats)
            {
                return $"the minimums for {dimension.Key} add up to more than the {seats} seats";
            }
            var room = available.Count(c => !dimension.Any(k => k.Candidates.Contains(c)))
                + dimension.Sum(k => Math.Min(k.Max, k.Candidates.Count(c => !gone[c])));
            if (room < seats)
            {
                return $"the maximums for {dimension.Key} allow only {room} of the {seats} seats to be filled";
            }
        }
        return "no set of winners meets all the minimums and maximums at once";
    }

    /// <summary>Electing the candidate would leave no way to meet the constraints; says which, or null if allowed.</summary>
    public string? Doom(int candidate, bool[] elected, bool[] gone)
    {
        if (CanCompleteWith(elected, gone, elected, candidate))
        {
            return null;
        }
        var full = categoriesOf[candidate].Select(k => categories[k])
            .FirstOrDefault(k => k.Candidates.Count(c => elected[c]) >= k.Max);
        if (full is not null)
        {
            return $"{full} already has its maximum of {full.Max} elected";
        }
        var seatsAfter = seats - elected.Count(e => e) - 1;
        var squeezed = categories.FirstOrDefault(k => !k.Candidates.Contains(candidate)
            && k.Min - k.Candidates.Count(c => elected[c]) > seatsAfter);
        return squeezed is not null
            ? $"that would leave too few seats for {squeezed} to reach its minimum of {squeezed.Min}"
            : "that would leave no way to fill the seats within the constraints";
    }

    /// <summary>Excluding the candidate would leave no way to meet the constraints; says which, or null if allowed.</summary>
    public string? Guard(int candidate, bool[] elected, bool[] gone)
    {
        if (CanCompleteWith(elected, gone, gone, candidate))
        {
            return null;
        }
        var shortOf = categoriesOf[candidate].Select(k => categories[k])
            .FirstOrDefault(k => k.Candidates.Count(c => !gone[c] && c != candidate) < k.Min);
        return shortOf is not null
            ? $"without them {shortOf} could not reach its minimum of {shortOf.Min}"
            : "without them the seats could not be filled within the constraints";
    }

    /// <summary>Would the count still be completable with the candidate marked (elected or gone)?</summary>
    private bool CanCompleteWith(bool[] elected, bool[] gone, bool[] marked, int candidate)
    {
        marked[candidate] = true;
        var possible = CanComplete(elected, gone);
        marked[candidate] = false;
        return possible;
    }

    /// <summary>
    /// Is there a set of exactly <c>seats</c> winners containing every elected candidate, none of the candidates
    /// that are out (excluded or withdrawn), and meeting every minimum and maximum? A depth-first search,
    /// cut short as soon as a maximum is passed or a minimum can no longer be reached.
    /// </summary>
    private bool CanComplete(bool[] elected, bool[] gone)
    {
        var counts = new int[categories.Count];
        var chosen = 0;
        for (var c = 0; c < elected.Length; c++)
        {
            if (elected[c])
            {
                chosen++;
                foreach (var k in categoriesOf[c])
                {
                    counts[k]++;
                }
            }
        }
        var open = Enumerable.Range(0, elected.Length).Where(c => !elected[c] && !gone[c]).ToArray();
        var openIn = new int[categories.Count];
        foreach (var c in open)
        {
            foreach (var k in categoriesOf[c])
            {
                openIn[k]++;
            }
        }
        return Search(open, 0, counts, openIn, seats - chosen);
    }

    private bool Search(int[] open, int next, int[] counts, int[] openIn, int seatsLeft)
    {
        for (var k = 0; k < categories.Count; k++)
        {
            if (counts[k] > categories[k].Max || counts[k] + Math.Min(openIn[k], seatsLeft) < categories[k].Min)
            {
                return false;
            }
        }
        if (seatsLeft == 0)
        {
            return true;
        }
        if (open.Length - next < seatsLeft)
        {
            return false;
        }
        var candidate = open[next];
        foreach (var k in categoriesOf[candidate])
        {
            openIn[k]--;
        }
        var found = Try(open, next, counts, openIn, seatsLeft, candidate, elect: true)
            || Try(open, next, counts, openIn, seatsLeft, candidate, elect: false);
        foreach (var k in categoriesOf[candidate])
        {
            openIn[k]++;
        }
        return found;
    }

    private bool Try(int[] open, int next, int[] counts, int[] openIn, int seatsLeft, int candidate, bool elect)
    {
        var change = elect ? 1 : 0;
        foreach (var k in categoriesOf[candidate])
        {
            counts[k] += change;
        }
        var found = Search(open, next + 1, counts, openIn, seatsLeft - change);
        foreach (var k in categoriesOf[candidate])
        {
            counts[k] -= change;
        }
        return found;
    }
}
