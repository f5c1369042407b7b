using Microsoft.Extensions.Caching.Memory;

namespace CongressPlatform.Modules.Deputies.Features.Rankings;

/// <summary>
/// Computed rankings, kept in memory per scope, period and filter so that fifty people opening the district ranking
/// cost one computation, not fifty: the first request computes, the others await the same computation.
/// <para>
/// Every save of the Deputies module that changes anything (a record and its totals, a policy, a group, a seat) starts a
/// new generation, so the saving process never serves a ranking older than its own last change. Another node of a
/// cluster cannot see that change: its ranking counts as fresh for <see cref="Lifetime"/>. After that, the one request
/// that finds it stale recomputes it while every other request is still served the stale one — so an expiry costs one
/// slow request, not a queue of fifty behind it (docs/performance.md §F.2).
/// </para>
/// <para>
/// The registry list keeps its counts and pages here too, under keys of their own (docs/performance.md §F.3, §F.5): they
/// change with the same saves.
/// </para>
/// </summary>
internal sealed class RankingCache(IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>A ranking nobody asked for in this long leaves memory.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(10);

    private static long _generation;

    /// <summary>Called after the Deputies DbContext saved changes.</summary>
    public static void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed class Slot<T>
        where T : class
    {
        /// <summary>The value served (or the first computation, which everyone awaits).</summary>
        public Task<T>? Value;

        public DateTimeOffset FreshUntil;

        /// <summary>Whether one request is recomputing a stale value.</summary>
        public bool Refreshing;
    }

    /// <param name="create">Runs in the caller's request, which awaits it; the others wait for or reuse its result.</param>
    public async Task<T> GetOrCreateAsync<T>(object key, Func<Task<T>> create)
        where T : class
    {
        var versioned = (Interlocked.Read(ref _generation), key);
        var slot = cache.GetOrCreate(versioned, entry =>
        {
            entry.SlidingExpiration = IdleLifetime;
            return new Slot<T>();
        })!;
        Task<T> current;
        var refresh = false;
        lock (slot)
        {
            if (slot.Value is null || slot.Value.IsFaulted || slot.Value.IsCanceled)
            {
                // Nothing to serve yet (or the last try failed): one computation, awaited by every request that comes.
                slot.Value = ComputeAsync(slot, create);
            }
            current = slot.Value;
            if (current.IsCompletedSuccessfully && clock.GetUtcNow() >= slot.FreshUntil && !slot.Refreshing)
            {
                slot.Refreshing = true;
                refresh = true;
            }
        }
        if (!refresh)
        {
            return await current;
        }
        try
        {
            var fresh = ComputeAsync(slot, create);
            var value = await fresh;
            lock (slot)
            {
                slot.Value = fresh;
            }
            return value;
        }
        catch
        {
            // The stale ranking stays; the next request past the lifetime tries again.
            return await current;
        }
        finally
        {
            lock (slot)
            {
                slot.Refreshing = false;
            }
        }
    }

    private async Task<T> ComputeAsync<T>(Slot<T> slot, Func<Task<T>> create)
        where T : class
    {
        var value = await create();
        lock (slot)
        {
            slot.FreshUntil = clock.GetUtcNow() + Lifetime;
        }
        return value;
    }
}
