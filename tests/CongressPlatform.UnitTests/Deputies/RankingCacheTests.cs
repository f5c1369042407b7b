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
}
