using Microsoft.Extensions.Caching.Memory;

namespace CongressPlatform.Modules.Deputies.Features.Rankings;

/// <summary>
/// Computed rankings, kept in memory per scope, period and filter so that fifty people opening the district ranking
/// cost one computation, not fifty: the first request computes, the others await the same computation. Every save of
/// the Deputies module that changes anything (a record and its totals, a policy, a group, a seat) starts a new
/// generation, so the saving process never serves a ranking older than its own last change; another node of a cluster
/// serves its cached ranking for at most <see cref="Lifetime"/>.
/// </summary>
internal sealed class RankingCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private static long _generation;

    /// <summary>Called after the Deputies DbContext saved changes.</summary>
    public static void Invalidate() => Interlocked.Increment(ref _generation);

    /// <param name="create">Runs without the caller's cancellation: other requests may be waiting for its result.</param>
    public async Task<T> GetOrCreateAsync<T>(object key, Func<Task<T>> create)
        where T : class
    {
        var versioned = (Interlocked.Read(ref _generation), key);
        var shared = cache.GetOrCreate(versioned, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return new Lazy<Task<T>>(create, LazyThreadSafetyMode.ExecutionAndPublication);
        })!;
        try
        {
            return await shared.Value;
        }
        catch
        {
            cache.Remove(versioned);
            throw;
        }
    }
}
