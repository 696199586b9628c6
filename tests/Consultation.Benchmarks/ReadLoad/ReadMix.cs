using Consultation.Web.Infrastructure.Seeding;

namespace Consultation.Benchmarks.ReadLoad;

/// <summary>
/// What a reader does next, in the proportions of a browsing public: list, filter, search, or open a submission and
/// then its comment thread. Each visit is one or more page requests, each named by the scenario it is reported under.
/// </summary>
public sealed class ReadMix(Catalogue catalogue)
{
    public const string Listing = "listing";
    public const string Filter = "filter";
    public const string Search = "search";
    public const string Submission = "submission page";
    public const string Thread = "comment thread";
    public const string Consultations = "consultations";

    public static readonly IReadOnlyList<string> Scenarios = [Listing, Filter, Search, Submission, Thread, Consultations];

    public sealed record Request(string Scenario, string Path);

    // Out of 100 visits; a submission visit is two requests (the page, then its thread).
    const int ListingWeight = 25, FilterWeight = 25, SearchWeight = 20, SubmissionWeight = 25;

    public IReadOnlyList<Request> NextVisit(Random random) => random.Next(100) switch
    {
        < ListingWeight => [new(Listing, "/Submissions" + PageSuffix(random, '?'))],
        < ListingWeight + FilterWeight => [new(Filter, "/Submissions?" + Filters(random) + PageSuffix(random, '&'))],
        < ListingWeight + FilterWeight + SearchWeight => [new(Search, "/Submissions?" + SearchQuery(random))],
        < ListingWeight + FilterWeight + SearchWeight + SubmissionWeight => SubmissionVisit(random),
        _ => [new(Consultations, "/Consultations")],
    };

    IReadOnlyList<Request> SubmissionVisit(Random random)
    {
        var id = Pick(random, catalogue.SubmissionIds);
        return [new(Submission, $"/Submissions/{id}"), new(Thread, $"/Submissions/{id}/Comments")];
    }

    /// <summary>Half the time the first page, else one of the next few (people rarely page far).</summary>
    string PageSuffix(Random random, char separator) =>
        random.Next(2) == 0 ? "" : $"{separator}pageNumber={random.Next(2, Math.Min(5, catalogue.ListingPages) + 1)}";

    /// <summary>One or two different filters among tag, place, constituency and language.</summary>
    string Filters(Random random)
    {
        var kinds = Enumerable.Range(0, 6).OrderBy(_ => random.Next()).Take(random.Next(1, 3));
        return string.Join('&', kinds.Select(kind => kind switch
        {
            0 => "priority=" + Pick(random, catalogue.Priorities),
            1 => "objective=" + Pick(random, catalogue.Objectives),
            2 => "country=" + Pick(random, catalogue.Countries),
            3 => "region=" + Pick(random, catalogue.Regions),
            4 => "constituency=" + Pick(random, catalogue.Constituencies),
            _ => "language=" + Pick(random, catalogue.Languages),
        }));
    }

    /// <summary>One or two words of one language, sometimes narrowed to that language or a priority.</summary>
    string SearchQuery(Random random)
    {
        var language = Pick(random, catalogue.Languages);
        var words = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(random, DemoWords.Vocabulary(language)));
        var query = "q=" + Uri.EscapeDataString(string.Join(' ', words));
        return random.Next(10) switch
        {
            < 2 => query + "&language=" + language,
            < 3 => query + "&priority=" + Pick(random, catalogue.Priorities),
            _ => query,
        };
    }

    static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
