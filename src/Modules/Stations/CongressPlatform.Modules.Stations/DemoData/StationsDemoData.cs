using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Stations.DemoData;

/// <summary>
/// On an empty station table (and only with <c>DemoData:Enabled</c>, after the Deputies demo data): 东柳街道's network in
/// the seeds' "1+2+24+N" shape, scaled down — one 代表之家, two 中心联络站, six 社区联络站 and two 联络点 — and a small one
/// for 新昌镇; each station gets serving deputies of its tenant, asked of Deputies (never its tables). 锦绣社区联络站 is
/// kept by <c>dongliu.keeper</c>. Deterministic and idempotent.
/// </summary>
internal sealed class StationsDemoData : IStartupTask
{
    private sealed record Plan(string Name, StationKind Kind, string? Parent, string? Community, string Address, string Hours, string? Keeper, int Deputies);

    private const string Weekdays = "每周一至周五 9:00–11:30、14:30–17:00";

    private static readonly Plan[] Dongliu =
    [
        new("东柳街道代表之家", StationKind.DeputiesHome, null, null, "柳城区东柳街道人民路88号", "每周一至周五 9:00–17:00,每月15日主任接待日", "赵主任", 2),
        new("东柳北片中心联络站", StationKind.CentreStation, "东柳街道代表之家", null, "东柳街道北环路12号", Weekdays, "钱站长", 2),
        new("东柳南片中心联络站", StationKind.CentreStation, "东柳街道代表之家", null, "东柳街道南湖大道236号", Weekdays, "周站长", 2),
        new("锦绣社区联络站", StationKind.CommunityStation, "东柳北片中心联络站", "锦绣社区", "锦绣社区党群服务中心二楼", "每周三 14:30–17:00", "孙站长", 3),
        new("和平社区联络站", StationKind.CommunityStation, "东柳北片中心联络站", "和平社区", "和平社区居委会一楼", "每周二 9:00–11:30", "吴站长", 3),
        new("春晖社区联络站", StationKind.CommunityStation, "东柳北片中心联络站", "春晖社区", "春晖花园12幢底商", "每周四 14:30–17:00", "郑站长", 3),
        new("翠苑社区联络站", StationKind.CommunityStation, "东柳南片中心联络站", "翠苑社区", "翠苑社区邻里中心", "每周一 9:00–11:30", "王站长", 3),
        new("滨河社区联络站", StationKind.CommunityStation, "东柳南片中心联络站", "滨河社区", "滨河路58号社区服务站", "每周五 9:00–11:30", "冯站长", 3),
        new("文昌社区联络站", StationKind.CommunityStation, "东柳南片中心联络站", "文昌社区", "文昌街16号", "每周三 9:00–11:30", "陈站长", 3),
        new("恒达科技园联络点", StationKind.LiaisonPoint, "锦绣社区联络站", "锦绣社区", "恒达科技园A座大堂", "每月第一个周三 12:00–13:30", null, 1),
        new("东升商务楼联络点", StationKind.LiaisonPoint, "东柳南片中心联络站", null, "东升商务楼三楼物业中心", "每月第二个周四 12:00–13:30", null, 1),
    ];

    private static readonly Plan[] Xinchang =
    [
        new("新昌镇代表之家", StationKind.DeputiesHome, null, null, "新昌镇人民政府东侧", "每周一至周五 9:00–17:00", "褚主任", 2),
        new("新昌镇中心联络站", StationKind.CentreStation, "新昌镇代表之家", null, "新昌镇文化站二楼", Weekdays, "卫站长", 2),
        new("桥头村联络站", StationKind.CommunityStation, "新昌镇中心联络站", "桥头村", "桥头村村民委员会", "每周二 9:00–11:30", "蒋站长", 2),
        new("石塘村联络站", StationKind.CommunityStation, "新昌镇中心联络站", "石塘村", "石塘村党群服务站", "每周四 9:00–11:30", "沈站长", 2),
    ];

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var configuration = scopedServices.GetRequiredService<IConfiguration>();
        if (!string.Equals(configuration["DemoData:Enabled"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var db = scopedServices.GetRequiredService<StationsDbContext>();
        if (!await db.Stations.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            await SeedStationsAsync(scopedServices, db, cancellationToken);
        }
        // Opinions and the monthly notice: each step checks its own rows, so a restart adds nothing.
        await OpinionsDemoData.SeedAsync(scopedServices, db, scopedServices.GetRequiredService<TimeProvider>(), cancellationToken);
    }

    private static async Task SeedStationsAsync(IServiceProvider scopedServices, StationsDbContext db, CancellationToken cancellationToken)
    {
        var directory = scopedServices.GetRequiredService<ITenantDirectory>();
        var mediator = scopedServices.GetRequiredService<IMediator>();
        var clock = scopedServices.GetRequiredService<TimeProvider>();
        var serving = await mediator.Send(new ListServingDeputiesQuery(null, null), cancellationToken);
        var keeper = await mediator.Send(new GetUserIdsByUserNamesQuery(["dongliu.keeper"]), cancellationToken) is [var found, ..] ? found.UserId : (Guid?)null;
        foreach (var (code, plans) in new[] { ("dongliu", Dongliu), ("xinchang", Xinchang) })
        {
            if (await directory.FindByCodeAsync(code, cancellationToken) is not { } tenant)
            {
                continue;
            }
            var deputies = new Queue<ServingDeputyDto>(serving.Where(d => d.TenantIds.Contains(tenant.Id)));
            var network = Seed(db, tenant, plans, deputies, code == "dongliu" ? keeper : null, clock.GetUtcNow().UtcDateTime);
            if (code == "dongliu")
            {
                SeedReceptions(db, tenant, network, ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A seeded station and the deputies assigned to it.</summary>
    private sealed record Seeded(Guid Id, string Name, List<ServingDeputyDto> Deputies);

    private static Dictionary<string, Seeded> Seed(StationsDbContext db, TenantInfo tenant, Plan[] plans, Queue<ServingDeputyDto> deputies, Guid? keeperUserId,
        DateTime now)
    {
        var seeded = new Dictionary<string, Seeded>();
        var assignedOn = new DateOnly(2022, 3, 1);
        var ids = new Dictionary<string, Guid>();
        foreach (var plan in plans)
        {
            var keeper = plan.Name == "锦绣社区联络站" ? keeperUserId : null;
            var station = new Station(plan.Kind, plan.Parent is { } parent ? ids[parent] : null,
                new StationDetails(plan.Name, plan.Community, plan.Address, plan.Hours, keeper, plan.Keeper, "李联络员", "0571-8800" + (1000 + ids.Count)),
                now);
            ((ITenantOwned)station).AssignTenant(tenant.Id, tenant.Path);
            db.Stations.Add(station);
            ids[plan.Name] = station.Id;
            seeded[plan.Name] = new Seeded(station.Id, plan.Name, []);
            for (var i = 0; i < plan.Deputies && deputies.TryDequeue(out var deputy); i++)
            {
                seeded[plan.Name].Deputies.Add(deputy);
                var assignment = new StationDeputy(station.Id, deputy.DeputyId, deputy.Name, assignedOn);
                ((ITenantOwned)assignment).AssignTenant(tenant.Id, tenant.Path);
                db.StationDeputies.Add(assignment);
            }
        }
        return seeded;
    }

    /// <summary>
    /// 东柳's centralised reception events: one held a month ago and closed (its duty records go to the archive through
    /// the outbox, as closing by hand does) and one planned a fortnight ahead, on the public pages of its stations.
    /// </summary>
    private static void SeedReceptions(StationsDbContext db, TenantInfo tenant, Dictionary<string, Seeded> network, DateOnly today, DateTime now)
    {
        void Own(TenantOwnedEntity row) => ((ITenantOwned)row).AssignTenant(tenant.Id, tenant.Path);

        ReceptionEvent Plan(ReceptionSchedule schedule, string[] stations, int online, List<ReceptionParticipant> participants,
            List<ReceptionVenue> venues)
        {
            var e = new ReceptionEvent(schedule, now);
            Own(e);
            db.ReceptionEvents.Add(e);
            var taken = new HashSet<Guid>();
            foreach (var station in stations.Select(n => network[n]))
            {
                var venue = new ReceptionVenue(e.Id, station.Id, station.Name);
                Own(venue);
                venues.Add(venue);
                foreach (var deputy in station.Deputies.Where(d => taken.Add(d.DeputyId)))
                {
                    participants.Add(new ReceptionParticipant(e.Id, deputy.DeputyId, deputy.Name, ReceptionVenueKind.Station, station.Id));
                }
            }
            foreach (var deputy in network.Values.SelectMany(s => s.Deputies).Where(d => !taken.Contains(d.DeputyId)).Take(online).ToList())
            {
                taken.Add(deputy.DeputyId);
                participants.Add(new ReceptionParticipant(e.Id, deputy.DeputyId, deputy.Name, ReceptionVenueKind.Online, null));
            }
            participants.ForEach(Own);
            db.ReceptionVenues.AddRange(venues);
            db.ReceptionParticipants.AddRange(participants);
            return e;
        }

        var heldVenues = new List<ReceptionVenue>();
        var held = new List<ReceptionParticipant>();
        var past = Plan(new ReceptionSchedule("第三季度集中接待选民活动", "听民声、察民情:老旧小区改造与加装电梯", today.AddDays(-30),
            new TimeOnly(9, 0), new TimeOnly(11, 30), "东柳街道人大代表微信群"), ["东柳街道代表之家", "东柳北片中心联络站", "东柳南片中心联络站"], 3, held, heldVenues);
        for (var i = 0; i < held.Count; i++)
        {
            if (i == 1)
            {
                held[i].Mark(ReceptionAttendance.Leave, "参加区人大常委会专题培训", null, null);
            }
            else
            {
                held[i].Mark(ReceptionAttendance.Attended, null, 3 + i % 4, 1 + i % 3);
            }
        }
        past.Close(held, "东柳街道人大工作室", today, now);
        foreach (var record in Features.Receptions.CloseReceptionEventCommandHandler.DutyRecords(past, heldVenues, held))
        {
            db.Publish(record);
        }

        Plan(new ReceptionSchedule("第四季度集中接待选民活动", "民生实事项目征集", today.AddDays(14), new TimeOnly(9, 0), new TimeOnly(11, 30),
            "东柳街道人大代表微信群、腾讯会议"), ["锦绣社区联络站", "和平社区联络站"], 2, [], []);
    }
}