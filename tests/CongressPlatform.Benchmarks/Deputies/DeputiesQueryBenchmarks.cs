using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CongressPlatform.Benchmarks.Serve;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Features.ListDeputies;
using CongressPlatform.Modules.Deputies.Features.Rankings;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Benchmarks.Deputies;

/// <summary>
/// The Deputies reads the issue sets targets for, through the real MediatR pipeline (authorization, validation, the
/// tenant's named filters) on a SQLite database seeded at the size (5,000 deputies; duty records as
/// <c>CONGRESS_BENCH_DUTY_RECORDS</c>, 100,000 by default — the totals the ranking reads are built from them): one
/// registry list page as a street's staff and as the district's supervisor — through the pipeline (its count kept between
/// changes), as the handler was before docs/performance.md §F.3 (count, page, seats: three statements) and as it is when
/// the count is not kept yet (count, then the page with its seats in one statement); the list's count as it is (the distinct
/// persons of the scope's seats) against how it was (every person tested for a visible seat); and the district ranking
/// computed cold (its cache emptied before each call) against served from the cache. CPU per request, one at a time; the load figures
/// (50 connections) come from load/run-wrk-deputies.sh.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DeputiesQueryBenchmarks
{
    private BenchDatabase _database = null!;
    private WebApplication _app = null!;
    private IServiceScopeFactory _scopes = null!;
    private UserIdentity _streetStaff = null!;
    private UserIdentity _districtSupervisor = null!;
    private int _year;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var options = new ServeOptions(DatabaseProvider.Sqlite, 0, ServeOptions.DefaultPort, 3600, null,
            Deputies: 5_000, DutyRecords: int.TryParse(Environment.GetEnvironmentVariable("CONGRESS_BENCH_DUTY_RECORDS"), out var n) ? n : 100_000);
        _database = await BenchDatabase.CreateAsync(options);
        _app = await ServeMode.BuildAsync(options, _database, "Warning");
        await DeputiesSeed.SeedAsync(_app.Services, options.Deputies, options.DutyRecords, []);
        _scopes = _app.Services.GetRequiredService<IServiceScopeFactory>();
        using var scope = _scopes.CreateSystemScope();
        var tenants = scope.ServiceProvider.GetRequiredService<ITenantDirectory>();
        var street = await tenants.FindByCodeAsync("dongliu", CancellationToken.None) ?? throw new InvalidOperationException("no dongliu");
        var district = await tenants.FindByCodeAsync("liucheng", CancellationToken.None) ?? throw new InvalidOperationException("no liucheng");
        _streetStaff = new UserIdentity(Guid.NewGuid(), "压测街道工作人员", street.Id, [Roles.Staff]);
        _districtSupervisor = new UserIdentity(Guid.NewGuid(), "压测区人大工作人员", district.Id, [Roles.Staff, Roles.Supervisor]);
        _year = ChinaTime.Today(TimeProvider.System).Year;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task<T> AsAsync<T>(UserIdentity user, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = await _scopes.CreateUserScopeAsync(user, CancellationToken.None);
        return await work(scope.ServiceProvider);
    }

    [Benchmark, BenchmarkCategory("list page, street")]
    public Task<long> StreetList() => AsAsync(_streetStaff, ListAsync);

    [Benchmark(Baseline = true), BenchmarkCategory("list page, street")]
    public Task<long> StreetList_as_it_was() => AsAsync(_streetStaff, ListAsItWasAsync);

    [Benchmark, BenchmarkCategory("list page, street")]
    public Task<long> StreetList_count_uncached() => AsAsync(_streetStaff, ListAsItIsAsync);

    [Benchmark, BenchmarkCategory("list page, street")]
    public Task<long> StreetPage_only() => AsAsync(_streetStaff, PageOnlyAsync);

    [Benchmark, BenchmarkCategory("list page, district")]
    public Task<long> DistrictList() => AsAsync(_districtSupervisor, ListAsync);

    [Benchmark(Baseline = true), BenchmarkCategory("list page, district")]
    public Task<long> DistrictList_as_it_was() => AsAsync(_districtSupervisor, ListAsItWasAsync);

    [Benchmark, BenchmarkCategory("list page, district")]
    public Task<long> DistrictList_count_uncached() => AsAsync(_districtSupervisor, ListAsItIsAsync);

    [Benchmark, BenchmarkCategory("list page, district")]
    public Task<long> DistrictPage_only() => AsAsync(_districtSupervisor, PageOnlyAsync);

    [Benchmark(Baseline = true), BenchmarkCategory("count, street")]
    public Task<int> StreetCount_per_person() => AsAsync(_streetStaff, CountPerPersonAsync);

    [Benchmark, BenchmarkCategory("count, street")]
    public Task<int> StreetCount_from_seats() => AsAsync(_streetStaff, CountFromSeatsAsync);

    [Benchmark(Baseline = true), BenchmarkCategory("count, district")]
    public Task<int> DistrictCount_per_person() => AsAsync(_districtSupervisor, CountPerPersonAsync);

    [Benchmark, BenchmarkCategory("count, district")]
    public Task<int> DistrictCount_from_seats() => AsAsync(_districtSupervisor, CountFromSeatsAsync);

    [Benchmark(Baseline = true), BenchmarkCategory("ranking, district")]
    public Task<int> DistrictRanking_cold() => AsAsync(_districtSupervisor, async services =>
    {
        RankingCache.Invalidate();
        return await RankingAsync(services);
    });

    [Benchmark, BenchmarkCategory("ranking, district")]
    public Task<int> DistrictRanking_cached() => AsAsync(_districtSupervisor, RankingAsync);

    private static async Task<long> ListAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IMediator>().Send(new ListDeputiesQuery(null, null, null, null, 1, 20))).Total;

    private async Task<int> RankingAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IMediator>().Send(new GetRankingQuery(_year, null, null, null, 1, 20))).Entries.Count;

    private static readonly DeputyListFilter NoFilter = new(null, null, null, null);

    /// <summary>
    /// The list's handler as it was before §F.3 (without the pipeline): the count, the page of whole persons, then a
    /// second query for the page's visible seats.
    /// </summary>
    private static async Task<long> ListAsItWasAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<DeputiesDbContext>();
        var directory = services.GetRequiredService<ITenantDirectory>();
        var total = await RegistryQueries.CountAsync(db, NoFilter, CancellationToken.None);
        var rows = await RegistryQueries.InListOrder(RegistryQueries.Visible(db, NoFilter)).Skip(0).Take(20).ToListAsync();
        var seats = await RegistryQueries.SeatsAsync(db, directory, rows.Select(d => d.Id).ToList(), CancellationToken.None);
        var items = rows.Select(d => new DeputyListItemDto(
            d.Id, d.Name, d.Gender, d.Party, d.Occupation, d.WorkUnit, ContactMasking.Mobile(d.Mobile), d.UserId is not null,
            seats[d.Id].ToList())).ToList();
        return total + items.Count;
    }

    /// <summary>
    /// The list's handler as it is (without the pipeline) when its count and page are not kept yet — the first request after a change:
    /// the count, and the page with its seats in one statement.
    /// </summary>
    private static async Task<long> ListAsItIsAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<DeputiesDbContext>();
        var total = await RegistryQueries.CountAsync(db, NoFilter, CancellationToken.None);
        var rows = await RegistryQueries.PageRowsAsync(RegistryQueries.Visible(db, NoFilter), 0, 20, CancellationToken.None);
        var items = await RegistryQueries.ToItemsAsync(services.GetRequiredService<ITenantDirectory>(), rows, CancellationToken.None);
        return total + items.Count;
    }

    /// <summary>The page with its seats alone, without the count.</summary>
    private static async Task<long> PageOnlyAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<DeputiesDbContext>();
        var rows = await RegistryQueries.PageRowsAsync(RegistryQueries.Visible(db, NoFilter), 0, 20, CancellationToken.None);
        return (await RegistryQueries.ToItemsAsync(services.GetRequiredService<ITenantDirectory>(), rows, CancellationToken.None)).Count;
    }

    /// <summary>The list's count as it was: every person tested for a seat the scope sees.</summary>
    private static Task<int> CountPerPersonAsync(IServiceProvider services) =>
        RegistryQueries.Visible(services.GetRequiredService<DeputiesDbContext>(), new DeputyListFilter(null, null, null, null)).CountAsync();

    /// <summary>The list's count now: the distinct persons of the scope's seats.</summary>
    private static Task<int> CountFromSeatsAsync(IServiceProvider services) =>
        RegistryQueries.CountAsync(services.GetRequiredService<DeputiesDbContext>(), new DeputyListFilter(null, null, null, null), CancellationToken.None);
}
