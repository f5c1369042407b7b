using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.Modules.Deputies.Archive;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Deputies.DemoData;

/// <summary>
/// Demo archive (only with <c>DemoData:Enabled</c>, after the registry's demo deputies, and only while there are no
/// groups and no records yet): each tenant's serving deputies form a group, and each deputy gets the twelve months
/// before this one of studies, inspections, station duty, voters received, deeds with amounts and a few leaves with
/// their reasons. The same deputies always get the same records (a fixed seed per deputy and month).
/// </summary>
internal sealed class ArchiveDemoData : IStartupTask
{
    private static readonly string[] StudyTopics =
        ["学习《代表法》", "学习全过程人民民主重要论述", "学习《监督法》修改要点", "专题学习优化营商环境条例", "学习《信访工作条例》", "学习安全生产法"];

    private static readonly string[] Inspections =
        ["视察老旧小区改造进展", "调研垃圾分类工作", "视察防汛准备工作", "执法检查《安全生产法》实施情况", "调研养老服务中心建设", "视察农贸市场提升改造"];

    private static readonly (string Title, string Beneficiaries, int Count, decimal Amount)[] Deeds =
    [
        ("为民办实事:协调加装小区电梯", "东柳小区3幢居民", 18, 320000m),
        ("一对一帮扶:结对困难家庭", "困难家庭1户", 1, 3000m),
        ("为民办实事:修缮社区健身步道", "社区居民", 600, 45000m),
        ("为民办实事:助学金捐助", "困难学生", 5, 10000m),
        ("一对一帮扶:帮助残疾人就业", "残疾人1名", 1, 0m),
    ];

    private static readonly string[] LeaveReasons = ["出差外地", "本人生病住院", "单位重要会议冲突", "家中有事"];

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var configuration = scopedServices.GetRequiredService<IConfiguration>();
        if (!string.Equals(configuration["DemoData:Enabled"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var db = scopedServices.GetRequiredService<DeputiesDbContext>();
        if (!await db.Deputies.AnyAsync(cancellationToken) || await db.Groups.AnyAsync(cancellationToken) || await db.DutyRecords.AnyAsync(cancellationToken))
        {
            return;
        }
        var archive = scopedServices.GetRequiredService<DutyArchive>();
        var clock = scopedServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var seats = await db.Seats.Where(s => s.Status == SeatStatus.Serving)
            .OrderBy(s => s.TenantPath).ThenBy(s => s.DeputyId).ToListAsync(cancellationToken);

        foreach (var tenant in seats.GroupBy(s => (s.TenantId, s.TenantPath)))
        {
            var ids = tenant.Select(s => s.DeputyId).Distinct().ToList();
            if (ids.Count >= 2)
            {
                var group = new DeputyGroup("第一代表小组", ids[0], [ids[1]], ids.Skip(2).ToList(), now);
                ((ITenantOwned)group).AssignTenant(tenant.Key.TenantId, tenant.Key.TenantPath);
                db.Groups.Add(group);
            }
        }

        await archive.PreloadAsync(seats.Select(s => s.TenantId).Distinct().ToList(), [today.Year - 1, today.Year], cancellationToken);
        var index = 0;
        foreach (var seat in seats)
        {
            index++;
            var random = new Random(index * 7919);
            for (var back = 12; back >= 1; back--)
            {
                var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
                var studyLeave = random.Next(6) == 0;
                await AddAsync(new DutyRecord(seat.DeputyId, DutyKind.StudyAttended, month.AddDays(1), StudyTopics[(back + index) % StudyTopics.Length],
                    "deputies-demo", $"study-{month:yyyyMM}-{seat.Id:N}", studyLeave ? DutyAttendance.Leave : DutyAttendance.Attended,
                    studyLeave ? LeaveReasons[random.Next(LeaveReasons.Length)] : null, "签到表", now, null), seat);
                if (month.Month % 3 == 2)
                {
                    await AddAsync(new DutyRecord(seat.DeputyId, DutyKind.InspectionJoined, month.AddDays(14), Inspections[(back + index) % Inspections.Length],
                        "deputies-demo", $"inspection-{month:yyyyMM}-{seat.Id:N}", DutyAttendance.Attended, null, "视察报告", now, null), seat);
                }
                if ((back + index) % 2 == 0)
                {
                    await AddAsync(new DutyRecord(seat.DeputyId, DutyKind.StationDutyServed, month.AddDays(9), "社区联络站进站接待选民",
                        "deputies-demo", $"station-{month:yyyyMM}-{seat.Id:N}", DutyAttendance.Attended, null, null, now, null), seat);
                    await AddAsync(new DutyRecord(seat.DeputyId, DutyKind.VotersReceived, month.AddDays(9), $"接待选民 {2 + random.Next(6)} 人次,收集意见建议",
                        "deputies-demo", $"voters-{month:yyyyMM}-{seat.Id:N}", DutyAttendance.Attended, null, null, now, null), seat);
                }
                if (back % 5 == index % 5)
                {
                    var deed = Deeds[(back + index) % Deeds.Length];
                    var record = new DutyRecord(seat.DeputyId, DutyKind.DeedForPeople, month.AddDays(20), deed.Title,
                        "deputies-demo", $"deed-{month:yyyyMM}-{seat.Id:N}", DutyAttendance.Attended, null, "现场照片及受益人签字", now, null);
                    record.DescribeDeed(deed.Beneficiaries, deed.Count, deed.Amount == 0 ? null : deed.Amount);
                    await AddAsync(record, seat);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        async Task AddAsync(DutyRecord record, Seat seat)
        {
            ((ITenantOwned)record).AssignTenant(seat.TenantId, seat.TenantPath);
            await archive.AddAsync(record, cancellationToken);
        }
    }
}
