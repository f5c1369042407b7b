using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Deputies;

/// <summary>
/// Deputies and archive records written straight through the module's DbContext in a system scope: the tests of
/// report-backs and quarterly reports need people in the registry whatever state the registry's API is in.
/// </summary>
internal static class DeputySeeding
{
    private static int _mobile = Random.Shared.Next(1000000, 8999999);

    public static async Task<Guid> DeputyAsync(PlatformFactory factory, string tenantCode, string name, SeatLevel level = SeatLevel.District,
        Guid? userId = null)
    {
        var tenant = await factory.TenantAsync(tenantCode);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
        var mobile = $"139{Interlocked.Increment(ref _mobile):D8}";
        var deputy = new Deputy(new DeputyDetails(name, Gender.Female, null, 1975, "中共党员", "本科", "教师", "东柳小学", mobile, null), DateTime.UtcNow);
        deputy.AddSeat(new SeatDetails(level, 17, "第一选区", new DateOnly(2021, 11, 1), false, tenant.Id, tenant.Path));
        if (userId is { } id)
        {
            deputy.LinkAccount(id, DateTime.UtcNow);
        }
        db.Deputies.Add(deputy);
        await db.SaveChangesAsync();
        return deputy.Id;
    }

    public static async Task RecordAsync(PlatformFactory factory, string tenantCode, Guid deputyId, DutyKind kind, DateOnly on, string title,
        DutyAttendance attendance = DutyAttendance.Attended, string? leaveReason = null, decimal? amount = null, int? beneficiaries = null)
    {
        var tenant = await factory.TenantAsync(tenantCode);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
        var record = new DutyRecord(deputyId, kind, on, title, "tests", Guid.NewGuid().ToString("N"), attendance, leaveReason, null, DateTime.UtcNow, null);
        if (amount is not null || beneficiaries is not null)
        {
            record.DescribeDeed(null, beneficiaries, amount);
        }
        ((ITenantOwned)record).AssignTenant(tenant.Id, tenant.Path);
        // Through the archive, as every record enters it: the points' totals are kept in step in the same save.
        await scope.ServiceProvider.GetRequiredService<CongressPlatform.Modules.Deputies.Archive.DutyArchive>().AddAsync(record, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    public static async Task<List<(DutyKind Kind, string SourceModule, string SourceId, string Title, string? Evidence)>> ArchiveAsync(PlatformFactory factory, Guid deputyId)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
        var rows = await db.DutyRecords.AsNoTracking().Where(r => r.DeputyId == deputyId).ToListAsync();
        return rows.Select(r => (r.Kind, r.SourceModule, r.SourceId, r.Title, r.Evidence)).ToList();
    }

    /// <summary>Moves a ballot's window (the host has no test clock): e.g. into the past to close it.</summary>
    public static async Task SetBallotWindowAsync(PlatformFactory factory, Guid reportBackId, DateTime opensAtUtc, DateTime closesAtUtc)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
        var reportBack = await db.ReportBacks.SingleAsync(r => r.Id == reportBackId);
        db.Entry(reportBack).Property(r => r.BallotOpensAtUtc).CurrentValue = opensAtUtc;
        db.Entry(reportBack).Property(r => r.BallotClosesAtUtc).CurrentValue = closesAtUtc;
        await db.SaveChangesAsync();
    }
}
