using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.DemoData;
using CongressPlatform.Modules.Deputies.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Deputies;

/// <summary>The demo archive on a database of its own: groups and a year of records once deputies exist, and only once.</summary>
public sealed class ArchiveDemoDataTests
{
    [Fact]
    public async Task The_demo_archive_forms_groups_and_writes_a_year_of_records_once()
    {
        await using var factory = new PlatformFactory(DatabaseProvider.Sqlite);
        _ = factory.Server;
        var deputies = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            deputies.Add(await ArchiveSeed.DeputyAsync(factory, Demo.Street, $"演示代表{i}"));
        }

        async Task RunAsync()
        {
            using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
            await new ArchiveDemoData().RunAsync(scope.ServiceProvider, CancellationToken.None);
        }

        await RunAsync();
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
            var group = await db.Groups.SingleAsync();
            group.Members.Select(m => m.DeputyId).Should().BeEquivalentTo(deputies);
            var records = await db.DutyRecords.ToListAsync();
            records.Where(r => r.Kind == DutyKind.StudyAttended).Should().HaveCount(36, "a study a month for twelve months, for three deputies");
            records.Should().Contain(r => r.Kind == DutyKind.DeedForPeople && r.Amount > 0 && r.BeneficiaryCount > 0);
            records.Should().Contain(r => r.Attendance == DutyAttendance.Leave && r.LeaveReason != null);
            records.Should().Contain(r => r.Kind == DutyKind.InspectionJoined);
            (await db.DutyTotals.SumAsync(t => t.Count)).Should().Be(records.Count(r => r.Counts));
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
