using CongressPlatform.BuildingBlocks.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Calendar;

/// <summary>
/// <see cref="IWorkingCalendar"/> over the table, read once and kept in memory. An edit through the API replaces the
/// snapshot at once on this node; other nodes of a cluster reload within <see cref="Lifetime"/>.
/// </summary>
internal sealed class WorkingCalendar(IServiceScopeFactory scopes, TimeProvider clock) : IWorkingCalendar, IDisposable
{
    /// <summary>How long a node trusts its snapshot before reading the table again (edits made on other nodes).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Cached? _cached;
    private long _generation;

    private sealed record Cached(CalendarSnapshot Snapshot, DateTimeOffset LoadedAt);

    public async Task<bool> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken)).IsWorkingDay(day);

    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return (await SnapshotAsync(cancellationToken)).AddWorkingDays(start, days);
    }

    public async Task<int> CountWorkingDaysAsync(DateOnly start, DateOnly finish, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken)).CountWorkingDays(start, finish);

    public async Task<bool> IsCoveredAsync(int year, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken)).CoveredYears.Contains(year);

    public void Dispose() => _loading.Dispose();

    /// <summary>Forgets the snapshot; call after the table changed (after SaveChanges).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _cached, null);
    }

    public async Task<CalendarSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _cached)) is { } snapshot)
        {
            return snapshot;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(Volatile.Read(ref _cached)) is { } again)
            {
                return again;
            }
            var generation = Interlocked.Read(ref _generation);
            using var scope = scopes.CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<CalendarDbContext>();
            var loaded = new CalendarSnapshot(await db.SpecialDays.AsNoTracking().ToListAsync(cancellationToken));
            // An edit committed while we read: keep the answer for this call, but do not cache what may be stale.
            if (generation == Interlocked.Read(ref _generation))
            {
                Volatile.Write(ref _cached, new Cached(loaded, clock.GetUtcNow()));
            }
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    private CalendarSnapshot? Fresh(Cached? cached) =>
        cached is not null && clock.GetUtcNow() - cached.LoadedAt < Lifetime ? cached.Snapshot : null;
}
