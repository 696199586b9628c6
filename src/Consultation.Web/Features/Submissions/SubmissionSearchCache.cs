using Mediator;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Consultation.Web.Features.Submissions;

/// <summary>Published after a change that can alter search results: a submission submitted, edited, withdrawn, hidden
/// or restored, a signature added or taken back, or a signatory's country, region or constituencies changed.</summary>
public sealed record SubmissionsChanged : INotification;

/// <summary>
/// Search results for a few seconds ("Search:CacheSeconds", default 10; 0 turns it off). Listing and search pages are
/// what most readers open, the same few filters and words again and again. Results hold public data only, the same for every caller. Any change on this instance
/// empties the cache at once; other instances catch up within the seconds set.
/// </summary>
public sealed class SubmissionSearchCache(IConfiguration configuration)
{
    readonly TimeSpan lifetime = TimeSpan.FromSeconds(configuration.GetValue("Search:CacheSeconds", 10));
    readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = 2000 });
    CancellationTokenSource generation = new();

    public async Task<SearchSubmissions.Result> GetOrSearchAsync(SearchSubmissions.Query query, Func<Task<SearchSubmissions.Result>> search)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await search();
        }
        if (entries.TryGetValue(query, out SearchSubmissions.Result? cached))
        {
            return cached!;
        }
        // Taken before searching: a change committed while the search runs ends this generation, and the result, which
        // may predate the change, is then stored already expired.
        var current = generation.Token;
        var result = await search();
        entries.Set(query, result, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = lifetime,
            Size = 1,
            ExpirationTokens = { new CancellationChangeToken(current) },
        });
        return result;
    }

    public void Clear()
    {
        var ended = Interlocked.Exchange(ref generation, new CancellationTokenSource());
        ended.Cancel();
    }
}

public sealed class ClearSearchCacheOnChange(SubmissionSearchCache cache) : INotificationHandler<SubmissionsChanged>
{
    public ValueTask Handle(SubmissionsChanged notification, CancellationToken ct)
    {
        cache.Clear();
        return ValueTask.CompletedTask;
    }
}
