using System.Net.Http.Json;
using Consultation.Web.Infrastructure.Seeding;

namespace Consultation.Benchmarks.ReadLoad;

/// <summary>
/// What the readers choose from, found the way any client would: the public API's reference data and submission
/// listing (never the database), plus the seeder's vocabulary for search words.
/// </summary>
public sealed record Catalogue(
    IReadOnlyList<Guid> SubmissionIds,
    int ListingPages,
    IReadOnlyList<string> Priorities,
    IReadOnlyList<int> Objectives,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Constituencies,
    IReadOnlyList<string> Languages)
{
    /// <summary>The highest pageNumber the search accepts (its validator).</summary>
    const int LastPageNumber = 100_000;

    sealed record Reference(IReadOnlyList<Coded> KeyPriorities, IReadOnlyList<Numbered> GcmObjectives, IReadOnlyList<Coded> Regions, IReadOnlyList<Coded> Countries);

    sealed record Coded(string Code);

    sealed record Numbered(int Number);

    sealed record Listing(IReadOnlyList<Listed> Items, int Total, int PageSize);

    sealed record Listed(Guid Id);

    /// <summary>Reads the reference data, then samples listing pages spread over the whole listing for submission ids.</summary>
    public static async Task<Catalogue> DiscoverAsync(HttpClient http, int pagesToSample, Random random, CancellationToken ct)
    {
        var reference = await http.GetFromJsonAsync<Reference>("/api/reference", ct)
            ?? throw new InvalidOperationException("/api/reference answered nothing.");
        // The listing counts exactly only up to the page asked for, so the last page the API accepts gives the total.
        var beyondTheEnd = await ListingPageAsync(http, LastPageNumber, ct);
        var first = await ListingPageAsync(http, 1, ct);
        var pages = Math.Max(1, (beyondTheEnd.Total + first.PageSize - 1) / first.PageSize);
        var ids = new HashSet<Guid>(first.Items.Select(i => i.Id));
        foreach (var page in Enumerable.Range(0, pagesToSample).Select(_ => random.Next(1, pages + 1)).Distinct())
        {
            ids.UnionWith((await ListingPageAsync(http, page, ct)).Items.Select(i => i.Id));
        }
        if (ids.Count == 0)
        {
            throw new InvalidOperationException("The platform lists no submissions: seed it first (see README, Demo data).");
        }
        return new Catalogue(
            [.. ids],
            pages,
            [.. reference.KeyPriorities.Select(p => p.Code)],
            [.. reference.GcmObjectives.Select(o => o.Number)],
            [.. reference.Countries.Select(c => c.Code)],
            [.. reference.Regions.Select(r => r.Code)],
            [.. Consultation.Web.Features.Organisations.Constituencies.All.Select(c => c.Key)],
            DemoWords.Languages);
    }

    static async Task<Listing> ListingPageAsync(HttpClient http, int page, CancellationToken ct) =>
        await http.GetFromJsonAsync<Listing>($"/api/submissions?pageNumber={page}", ct)
            ?? throw new InvalidOperationException("/api/submissions answered nothing.");
}
