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
/// registry list page as a street's staff and as the district's supervisor; the list's count as it is (the distinct
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

    [Benchmark, BenchmarkCategory("list page")]
    public Task<long> StreetList() => AsAsync(_streetStaff, ListAsync);

    [Benchmark, BenchmarkCategory("list page")]
    public Task<long> DistrictList() => AsAsync(_districtSupervisor, ListAsync);

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

    /// <summary>The list's count as it was: every person tested for a seat the scope sees.</summary>
    private static Task<int> CountPerPersonAsync(IServiceProvider services) =>
        RegistryQueries.Visible(services.GetRequiredService<DeputiesDbContext>(), new DeputyListFilter(null, null, null, null)).CountAsync();

    /// <summary>The list's count now: the distinct persons of the scope's seats.</summary>
    private static Task<int> CountFromSeatsAsync(IServiceProvider services) =>
        RegistryQueries.CountAsync(services.GetRequiredService<DeputiesDbContext>(), new DeputyListFilter(null, null, null, null), CancellationToken.None);
}
