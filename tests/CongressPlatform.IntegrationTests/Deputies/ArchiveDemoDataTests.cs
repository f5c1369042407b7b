using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.DemoData;
using CongressPlatform.Modules.Deputies.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Deputies;

/// <summary>
/// The demo on a database of its own: the registry's demo deputies, then groups and a year of records for them, written
/// once at start and never again.
/// </summary>
public sealed class ArchiveDemoDataTests
{
    [Fact]
    public async Task The_demo_archive_forms_groups_and_writes_a_year_of_records_once()
    {
        await using var factory = new PlatformFactory(DatabaseProvider.Sqlite);
        _ = factory.Server;

        async Task RunAsync()
        {
            using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
            await new ArchiveDemoData().RunAsync(scope.ServiceProvider, CancellationToken.None);
        }

        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
            var deputies = await db.Deputies.Select(d => d.Id).ToListAsync();
            deputies.Should().NotBeEmpty("the registry's demo runs first");
            var groups = await db.Groups.ToListAsync();
            groups.Should().NotBeEmpty();
            groups.SelectMany(g => g.Members).Select(m => m.DeputyId).Should().OnlyContain(id => deputies.Contains(id));
            var records = await db.DutyRecords.ToListAsync();
            records.Select(r => r.DeputyId).Should().OnlyContain(id => deputies.Contains(id));
            records.Should().Contain(r => r.Kind == DutyKind.StudyAttended);
            records.Should().Contain(r => r.Kind == DutyKind.DeedForPeople && r.Amount > 0 && r.BeneficiaryCount > 0);
            records.Should().Contain(r => r.Attendance == DutyAttendance.Leave && r.LeaveReason != null);
            records.Should().Contain(r => r.Kind == DutyKind.InspectionJoined);
            (await db.DutyTotals.SumAsync(t => t.Count)).Should().Be(records.Count(r => r.Counts), "the totals are kept in step with the records");
        }
        var count = await CountRecordsAsync(factory);

        await RunAsync();
        (await CountRecordsAsync(factory)).Should().Be(count, "the demo archive is written once");
    }

    private static async Task<int> CountRecordsAsync(PlatformFactory factory)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<DeputiesDbContext>().DutyRecords.CountAsync();
    }
}
