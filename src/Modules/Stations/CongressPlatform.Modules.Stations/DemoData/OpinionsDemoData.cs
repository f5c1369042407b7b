using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.Notices;
using CongressPlatform.Modules.Stations.Features.PublicOpinions;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Stations.DemoData;

/// <summary>
/// 东柳街道's demo opinions, dated around the latest 20th so the inbox's lights and the monthly notice show: a dozen
/// across the statuses (received, referred — one overdue, one close to its deadline — answered, fed back and rated,
/// closed), the channels and the categories; one confidential, one with a mobile number and one with an e-mail address
/// typed into the text. Then the notices of that cut-off are compiled and 锦绣社区联络站's is published; the others stay
/// drafts for review. Runs when 东柳 has no opinion yet (and compiles only when it has no notice yet): idempotent.
/// </summary>
internal static class OpinionsDemoData
{
    private enum Outcome
    {
        Received,
        ReferredDueSoon,
        ReferredOverdue,
        ReferredOnTime,
        Answered,
        FedBackSatisfied,
        FedBackBasically,
        ClosedAfterFeedback,
        ClosedAtOnce,
    }

    private sealed record Plan(
        string Station, OpinionChannel Channel, string Category, int DaysBeforeCutOff, string Content, Outcome Outcome, string? ContactName = null,
        string? ContactPhone = null, bool Confidential = false, string? Reply = null);

    private static readonly Plan[] Plans =
    [
        new("锦绣社区联络站", OpinionChannel.QrCode, "物业小区", 24,
            "锦绣花园3号楼电梯近一个月经常停运,楼里老人多,上下楼很不方便,希望尽快彻底维修。有进展请打我电话13957112345。",
            Outcome.FedBackSatisfied, "张阿姨", "13957112345", Reply: "物业已更换电梯主板并增加每周巡检,街道将跟踪一个月运行情况。"),
        new("锦绣社区联络站", OpinionChannel.Visit, "环境卫生", 20, "锦绣路菜场门口垃圾桶经常满溢,天热气味很大,建议增加清运次数。",
            Outcome.ClosedAfterFeedback, Reply: "环卫所已将该点位清运调整为每日两次,并增设两个垃圾桶。"),
        new("锦绣社区联络站", OpinionChannel.Notebook, "养老服务", 15, "建议社区老年食堂周末也供应午餐,方便独居老人。",
            Outcome.Answered, Reply: "区民政局答复:将在锦绣社区试点周末供餐,12月起实施。"),
        new("锦绣社区联络站", OpinionChannel.OpinionBox, "其他", 12, "反映有关单位人员的问题线索(不宜公开,已按程序移交)。",
            Outcome.ReferredOnTime, Confidential: true),
        new("锦绣社区联络站", OpinionChannel.Phone, "交通出行", 25, "锦绣路与人民路路口早高峰拥堵严重,建议增设左转专用信号灯。",
            Outcome.ReferredOverdue, "王先生", "0571-86012345"),
        new("和平社区联络站", OpinionChannel.QrCode, "城市管理", -3, "和平路人行道多处地砖松动,雨天踩上去会溅水。", Outcome.Received),
        new("和平社区联络站", OpinionChannel.Visit, "教育医疗", 18, "希望社区卫生服务站延长工作日晚间门诊时间,上班族看病不方便。",
            Outcome.FedBackBasically, Reply: "区卫健局答复:自下月起每周二、四晚间门诊延长至20:00。"),
        new("春晖社区联络站", OpinionChannel.Notebook, "安全生产", 10,
            "春晖花园地下车库电动车充电桩不足,有人从家里私拉电线充电,存在火灾隐患。照片发到 chunhui2023@example.com 了。",
            Outcome.ClosedAtOnce, Reply: "当场答复:物业已承诺本月新增20个充电桩,社区将开展私拉电线专项排查。"),
        new("翠苑社区联络站", OpinionChannel.OpinionBox, "社会保障", 8, "想咨询灵活就业人员医保怎么缴费、在哪里办理。",
            Outcome.ClosedAtOnce, Reply: "当场答复:可在社区便民服务中心或“浙里办”办理,已向群众提供办理指南。"),
        new("滨河社区联络站", OpinionChannel.Phone, "环境卫生", 6, "滨河公园河道漂浮物较多,建议定期打捞清理。", Outcome.ReferredDueSoon),
        new("文昌社区联络站", OpinionChannel.QrCode, "物业小区", -1, "文昌街16号楼顶漏水,报修后物业迟迟不来处理。", Outcome.Received),
        new("锦绣社区联络站", OpinionChannel.Visit, "城市管理", 0, "恒达科技园周边共享单车乱停放,占用盲道。", Outcome.Received),
    ];

    public static async Task SeedAsync(IServiceProvider services, StationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tenants = services.GetRequiredService<ITenantDirectory>();
        if (await tenants.FindByCodeAsync("dongliu", cancellationToken) is not { } tenant)
        {
            return;
        }
        var today = ChinaTime.Today(clock);
        var cutOff = NoticePeriod.LatestCutOff(today);
        if (!await db.Opinions.IgnoreQueryFilters().AnyAsync(o => o.TenantId == tenant.Id, cancellationToken))
        {
            var stations = await db.Stations.IgnoreQueryFilters().AsNoTracking().Where(s => s.TenantId == tenant.Id)
                .ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
            var deputies = await db.StationDeputies.IgnoreQueryFilters().AsNoTracking().Where(a => a.TenantId == tenant.Id && a.EndedOn == null)
                .ToListAsync(cancellationToken);
            var units = await services.GetRequiredService<IMediator>().Send(new GetHandlingUnitsQuery(), cancellationToken);
            var unit = units.FirstOrDefault(u => u.TenantId == tenant.Id) ?? (units.Count > 0 ? units[0] : null);
            foreach (var plan in Plans)
            {
                if (!stations.TryGetValue(plan.Station, out var stationId) || unit is null && plan.Outcome is not (Outcome.Received or Outcome.ClosedAtOnce))
                {
                    continue;
                }
                var deputy = deputies.FirstOrDefault(a => a.StationId == stationId);
                Add(db, tenant, plan, stationId, deputy, unit, cutOff, today);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (!await db.StationNotices.IgnoreQueryFilters().AnyAsync(n => n.TenantId == tenant.Id, cancellationToken))
        {
            using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateTenantSystemScope(tenant);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Send(new CompileStationNoticesCommand(cutOff), cancellationToken);
            var notices = await mediator.Send(new ListStationNoticesQuery(null, StationNoticeStatus.Draft, cutOff, cutOff, null, null), cancellationToken);
            if (notices.Items.FirstOrDefault(n => n.StationName == "锦绣社区联络站") is { } jinxiu)
            {
                await mediator.Send(new PublishStationNoticeCommand(jinxiu.Id), cancellationToken);
            }
        }
    }

    private static void Add(StationsDbContext db, TenantInfo tenant, Plan plan, Guid stationId, StationDeputy? deputy, HandlingUnitSummaryDto? unit,
        DateOnly cutOff, DateOnly today)
    {
        var receivedOn = Min(cutOff.AddDays(-plan.DaysBeforeCutOff), today);
        var at = (int days) => NoticeClock.StartUtc(Min(receivedOn.AddDays(days), today)).AddHours(10);
        var contact = plan.ContactName is null && plan.ContactPhone is null ? null : new OpinionContact(plan.ContactName, plan.ContactPhone);
        var opinion = new Opinion(TrackingCodes.New(), plan.Channel, stationId, deputy?.DeputyId, deputy?.DeputyName, plan.Content, contact, null,
            at(0), receivedOn);
        opinion.SetIntakeDetails(plan.Category, null, plan.Confidential);
        ((ITenantOwned)opinion).AssignTenant(tenant.Id, tenant.Path);
        db.Opinions.Add(opinion);
        var events = new List<(string Kind, string Actor, string? Note, DateTime At)>
        {
            (plan.Channel == OpinionChannel.QrCode ? OpinionHistory.Received : OpinionHistory.Registered, plan.Channel == OpinionChannel.QrCode ? "群众" : "赵干事", null, at(0)),
        };
        switch (plan.Outcome)
        {
            case Outcome.Received:
                break;
            case Outcome.ClosedAtOnce:
                opinion.Close(plan.Reply, at(0));
                events.Add((OpinionHistory.Closed, "赵干事", plan.Reply, at(0)));
                break;
            default:
                var (dueOn, referredAt) = plan.Outcome switch
                {
                    Outcome.ReferredOverdue => (today.AddDays(-3), at(1)),
                    Outcome.ReferredDueSoon => (today.AddDays(2), at(1)),
                    _ => (receivedOn.AddDays(21), at(1)),
                };
                opinion.Refer(unit!.Id, unit.Name, dueOn, referredAt);
                events.Add((OpinionHistory.Referred, "赵干事", unit.Name, referredAt));
                if (plan.Outcome is Outcome.ReferredOverdue or Outcome.ReferredDueSoon or Outcome.ReferredOnTime)
                {
                    break;
                }
                opinion.AnswerWith(plan.Reply!, "周科员", at(5));
                events.Add((OpinionHistory.Answered, "周科员", null, at(5)));
                if (plan.Outcome == Outcome.Answered)
                {
                    break;
                }
                opinion.FeedBack(plan.Reply!, at(6));
                events.Add((OpinionHistory.FedBack, "赵干事", null, at(6)));
                if (plan.Outcome is Outcome.FedBackSatisfied or Outcome.FedBackBasically)
                {
                    opinion.Rate(plan.Outcome == Outcome.FedBackSatisfied ? OpinionRating.Satisfied : OpinionRating.BasicallySatisfied, at(8));
                    events.Add((OpinionHistory.Rated, "群众", null, at(8)));
                }
                else
                {
                    opinion.Close(null, at(9));
                    events.Add((OpinionHistory.Closed, "赵干事", null, at(9)));
                }
                break;
        }
        foreach (var (kind, actor, note, eventAt) in events)
        {
            var entry = new OpinionEvent(opinion.Id, kind, actor, note, eventAt);
            ((ITenantOwned)entry).AssignTenant(tenant.Id, tenant.Path);
            db.OpinionEvents.Add(entry);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
