using CongressPlatform.Modules.Deputies.Features.Rankings;
using Microsoft.Extensions.Caching.Memory;

namespace CongressPlatform.UnitTests.Deputies;

/// <summary>The ranking cache: one computation for concurrent requests; after its lifetime one request recomputes while the rest get the stale value; a change saved here is never served stale.</summary>
public sealed class RankingCacheTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed record Ranking(int Computation);

    [Fact]
    public async Task Concurrent_requests_share_one_computation_and_an_expired_value_is_served_while_one_request_recomputes()
    {
        var clock = new Clock();
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new RankingCache(memory, clock);
        var key = ("test", Guid.NewGuid());
        var computations = 0;
        var gate = new TaskCompletionSource();
        Func<Task<Ranking>> create = async () =>
        {
            var n = Interlocked.Increment(ref computations);
            await gate.Task;
            return new Ranking(n);
        };

        var first = Enumerable.Range(0, 20).Select(_ => cache.GetOrCreateAsync(key, create)).ToList();
        gate.SetResult();
        (await Task.WhenAll(first)).Should().OnlyContain(r => r.Computation == 1);
        computations.Should().Be(1);

        // Past its lifetime: the first request to notice recomputes (and waits for it); the others get the stale value.
        clock.Now += RankingCache.Lifetime + TimeSpan.FromSeconds(1);
        gate = new TaskCompletionSource();
        var refreshing = cache.GetOrCreateAsync(key, create);
        var others = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => cache.GetOrCreateAsync(key, create)));
        others.Should().OnlyContain(r => r.Computation == 1);
        refreshing.IsCompleted.Should().BeFalse();
        gate.SetResult();
        (await refreshing).Computation.Should().Be(2);
        (await cache.GetOrCreateAsync(key, create)).Computation.Should().Be(2);
        computations.Should().Be(2);

        // A change saved on this node starts a new generation: the next request computes afresh and waits for it.
        RankingCache.Invalidate();
        (await cache.GetOrCreateAsync(key, create)).Computation.Should().Be(3);
    }

    [Fact]
    public async Task A_failed_first_computation_is_tried_again_and_a_failed_refresh_keeps_the_stale_value()
    {
        var clock = new Clock();
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new RankingCache(memory, clock);
        var key = ("test", Guid.NewGuid());
        var fail = true;
        var computations = 0;
        Func<Task<Ranking>> create = () =>
        {
            var n = Interlocked.Increment(ref computations);
            return fail ? Task.FromException<Ranking>(new InvalidOperationException("database away")) : Task.FromResult(new Ranking(n));
        };

        await FluentActions.Awaiting(() => cache.GetOrCreateAsync(key, create)).Should().ThrowAsync<InvalidOperationException>();
        fail = false;
        (await cache.GetOrCreateAsync(key, create)).Computation.Should().Be(2);

        clock.Now += RankingCache.Lifetime + TimeSpan.FromSeconds(1);
        fail = true;
        (await cache.GetOrCreateAsync(key, create)).Computation.Should().Be(2);
        fail = false;
        (await cache.GetOrCreateAsync(key, create)).Computation.Should().Be(4);
    }

    [Fact]
    public async Task A_change_saved_here_is_never_hidden_by_a_stale_ranking_or_by_a_refresh_that_began_before_it()
    {
        var clock = new Clock();
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new RankingCache(memory, clock);
        var key = ("test", Guid.NewGuid());
        var computations = 0;
        var gates = new Dictionary<int, TaskCompletionSource>();
        Func<Task<Ranking>> create = async () =>
        {
            var n = Interlocked.Increment(ref computations);
            TaskCompletionSource gate;
            lock (gates)
            {
                gate = gates.TryGetValue(n, out var g) ? g : gates[n] = new TaskCompletionSource();
            }
            await gate.Task;
            return new Ranking(n);
        };
        void Open(int n)
        {
            lock (gates)
            {
                (gates.TryGetValue(n, out var g) ? g : gates[n] = new TaskCompletionSource()).SetResult();
            }
        }

        Open(1);
        (await cache.GetOrCreateAsync(key, create)).Computation.Should().Be(1);

        // Stale, and a save here: the next request must not be served the stale ranking; it waits for a new computation.
        clock.Now += RankingCache.Lifetime + TimeSpan.FromSeconds(1);
        RankingCache.Invalidate();
        var afterSave = cache.GetOrCreateAsync(key, create);
        afterSave.IsCompleted.Should().BeFalse("a ranking computed before the save must not answer a read after it");
        Open(2);
        (await afterSave).Computation.Should().Be(2);

        // Stale again, one request refreshing (its computation began before the save below, so it may miss the change).
        clock.Now += RankingCache.Lifetime + TimeSpan.FromSeconds(1);
        var refreshing = cache.GetOrCreateAsync(key, create);
        (await cache.GetOrCreateAsync(key, create)).Computation.Should().Be(2, "while one request refreshes, the others get the stale ranking");
        RankingCache.Invalidate();
        var afterSecondSave = cache.GetOrCreateAsync(key, create);
        afterSecondSave.IsCompleted.Should().BeFalse();
        Open(4);
        (await afterSecondSave).Computation.Should().Be(4, "a read after the save waits for a computation that began after it");
        Open(3);
        (await refreshing).Computation.Should().Be(3);
        (await cache.GetOrCreateAsync(key, create)).Computation.Should().Be(4, "the refresh of the old generation does not replace the new one");
        computations.Should().Be(4);
    }
}
