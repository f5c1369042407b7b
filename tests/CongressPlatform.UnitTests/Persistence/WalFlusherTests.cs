using CongressPlatform.BuildingBlocks.Persistence;
using FluentAssertions;

namespace CongressPlatform.UnitTests.Persistence;

/// <summary>The group fsync: callers that ask while an fsync runs share the next one, which starts after they asked.</summary>
public sealed class WalFlusherTests
{
    [Fact]
    public async Task Callers_during_an_fsync_wait_for_the_next_one_and_share_it()
    {
        using var firstStarted = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        var calls = 0;
        var flusher = new WalFlusher("unused", _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstStarted.Set();
                releaseFirst.Wait(TimeSpan.FromSeconds(30));
            }
        });

        var first = flusher.FlushAsync();
        firstStarted.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();
        // These commits happened after the running fsync began: it must not release them.
        var later = Enumerable.Range(0, 10).Select(_ => flusher.FlushAsync()).ToList();
        later.Should().OnlyContain(t => !t.IsCompleted);

        releaseFirst.Set();
        await first;
        await Task.WhenAll(later);

        calls.Should().Be(2, "the ten waiting callers share one fsync");
        flusher.Flushes.Should().Be(2);
    }

    [Fact]
    public async Task A_failed_fsync_fails_its_callers_and_the_next_one_runs_again()
    {
        var fail = true;
        var flusher = new WalFlusher("unused", _ =>
        {
            if (fail)
            {
                throw new IOException("disk gone");
            }
        });

        var failed = () => flusher.FlushAsync();
        await failed.Should().ThrowAsync<IOException>();

        fail = false;
        await flusher.FlushAsync();
        flusher.Flushes.Should().Be(1);
    }

    [Fact]
    public async Task A_missing_log_file_is_nothing_to_flush()
    {
        var flusher = new WalFlusher(Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.db-wal"));
        await flusher.FlushAsync();
        flusher.Flushes.Should().Be(1);
    }
}
