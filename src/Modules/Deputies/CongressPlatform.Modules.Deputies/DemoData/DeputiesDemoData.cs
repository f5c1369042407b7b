using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Identity.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.Modules.Deputies.DemoData;

/// <summary>
/// On an empty registry (and only with <c>DemoData:Enabled</c>), the demo district's deputies: 李秀英 (<c>deputy.li</c>, a district
/// deputy organised by 东柳街道) and 王建国 (<c>deputy.wang</c>, a township deputy of 新昌镇 and a district deputy organised by
/// the district), linked to their demo accounts, and 24 more per street and township — district deputies in the streets,
/// township deputies (and a few district ones) in the townships — with a few by-elections and one resignation.
/// Deterministic: the same names, numbers and seats on every machine.
/// </summary>
internal sealed class DeputiesDemoData(ILogger<DeputiesDemoData> logger) : IStartupTask
{
    private const int PerTenant = 24;
    private const int DistrictTerm = 17;
    private const int TownshipTerm = 18;
    private static readonly DateOnly ElectionDay = new(2021, 11, 18);
    private static readonly DateOnly ByElectionDay = new(2023, 6, 15);

    private static readonly (string Code, string Place, bool Township)[] Places =
    [
        ("dongliu", "东柳街道", false), ("xiliu", "西柳街道", false), ("nanhu", "南湖街道", false), ("beitang", "北塘街道", false),
        ("xinchang", "新昌镇", true), ("qingshan", "青山镇", true),
    ];

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢钟";
    private static readonly string[] MaleNames = ["建华", "志强", "国平", "海涛", "明辉", "永红", "卫东", "晓峰", "俊杰", "伟", "斌", "立新", "德明", "文军", "春生", "宏伟", "振国", "家豪"];
    private static readonly string[] FemaleNames = ["秀兰", "丽华", "春梅", "海燕", "晓红", "美玲", "桂芳", "静", "敏", "玉珍", "慧娟", "雪梅", "丽娜", "婷婷", "红霞", "淑英"];
    private static readonly string[] Parties = ["中共党员", "中共党员", "中共党员", "中共党员", "群众", "群众", "民盟盟员", "民进会员", "九三学社社员", "无党派人士"];
    private static readonly string[] Educations = ["大学本科", "大学本科", "研究生", "大学专科", "高中", "中专"];

    private static readonly (string Occupation, string Unit)[] StreetJobs =
    [
        ("社区工作者", "{0}{1}社区居委会 主任"), ("教师", "{0}中心小学 教师"), ("医生", "{0}社区卫生服务中心 主治医师"),
        ("企业负责人", "柳城{2}科技有限公司 总经理"), ("个体工商户", "{0}{1}便民超市 经营者"), ("公务员", "{0}办事处 副主任"),
        ("律师", "柳城{2}律师事务所 律师"), ("企业职工", "柳城{2}机械厂 车间主任"), ("物业管理", "{1}物业服务有限公司 经理"),
        ("退休干部", "{0}{1}社区 老年协会会长"),
    ];

    private static readonly (string Occupation, string Unit)[] TownshipJobs =
    [
        ("村干部", "{0}{1}村村民委员会 主任"), ("农民", "{0}{1}村 种植大户"), ("教师", "{0}中学 教师"), ("医生", "{0}卫生院 医师"),
        ("企业负责人", "{0}{2}农业专业合作社 理事长"), ("个体工商户", "{0}{1}农资店 经营者"), ("公务员", "{0}人民政府 副镇长"),
        ("村干部", "{0}{1}村党支部 书记"),
    ];

    private static readonly string[] Communities = ["锦绣", "和平", "春晖", "翠苑", "滨河", "文昌", "新华", "光明", "枫林", "兴园", "清泉", "双桥"];
    private static readonly string[] Firms = ["恒达", "鑫源", "华宇", "汇丰", "东升", "瑞丰", "金桥", "安康"];

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var configuration = scopedServices.GetRequiredService<IConfiguration>();
        if (!string.Equals(configuration["DemoData:Enabled"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var db = scopedServices.GetRequiredService<DeputiesDbContext>();
        if (await db.Deputies.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }
        var directory = scopedServices.GetRequiredService<ITenantDirectory>();
        var tenants = new Dictionary<string, TenantInfo>();
        foreach (var code in Places.Select(p => p.Code).Append("liucheng"))
        {
            if (await directory.FindByCodeAsync(code, cancellationToken) is { } tenant)
            {
                tenants[code] = tenant;
            }
        }
        if (tenants.Count != Places.Length + 1)
        {
            logger.LogInformation("Demo data: the demo district is not there; no demo deputies");
            return;
        }
        var now = scopedServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var accounts = (await scopedServices.GetRequiredService<IMediator>()
                .Send(new GetUserIdsByUserNamesQuery(["deputy.li", "deputy.wang"]), cancellationToken))
            .ToDictionary(a => a.UserName, a => a.UserId, StringComparer.OrdinalIgnoreCase);

        var li = Add(db, new DeputyDetails("李秀英", Gender.Female, "汉族", 1972, "中共党员", "大学本科", "社区工作者",
            "东柳街道锦绣社区党委 书记", "13800000002", null), now, tenants["dongliu"], SeatLevel.District, DistrictTerm, "东柳街道第三选区", ElectionDay, false);
        if (accounts.TryGetValue("deputy.li", out var liUser))
        {
            li.LinkAccount(liUser, now);
        }
        db.Consents.Add(new ConsentRecord(li.Id, ConsentItem.Phone, true, "本人签署《联络站公示信息授权书》", null, "系统(演示数据)", tenants["dongliu"].Id, now));
        db.Consents.Add(new ConsentRecord(li.Id, ConsentItem.WorkUnit, true, "本人签署《联络站公示信息授权书》", null, "系统(演示数据)", tenants["dongliu"].Id, now));

        var wang = Add(db, new DeputyDetails("王建国", Gender.Male, "汉族", 1968, "中共党员", "大学专科", "企业负责人",
            "新昌镇建国农业专业合作社 理事长", "13800000001", null), now, tenants["xinchang"], SeatLevel.Township, TownshipTerm, "新昌镇第五选区", ElectionDay, false);
        AddSeat(db, wang, tenants["liucheng"], SeatLevel.District, DistrictTerm, "新昌镇第二选区", ElectionDay, false);
        if (accounts.TryGetValue("deputy.wang", out var wangUser))
        {
            wang.LinkAccount(wangUser, now);
        }

        var random = new Random(20261201);
        var used = new HashSet<string>(StringComparer.Ordinal) { "李秀英", "王建国" };
        var serial = 0;
        var resigned = false;
        foreach (var (code, place, township) in Places)
        {
            var tenant = tenants[code];
            var jobs = township ? TownshipJobs : StreetJobs;
            for (var i = 0; i < PerTenant; i++)
            {
                serial++;
                var female = random.Next(100) < 38;
                string name;
                do
                {
                    var given = female ? FemaleNames[random.Next(FemaleNames.Length)] : MaleNames[random.Next(MaleNames.Length)];
                    name = Surnames[random.Next(Surnames.Length)] + given;
                }
                while (!used.Add(name));
                var (occupation, unit) = jobs[random.Next(jobs.Length)];
                var community = Communities[random.Next(Communities.Length)];
                var details = new DeputyDetails(name, female ? Gender.Female : Gender.Male, random.Next(100) < 94 ? "汉族" : "回族",
                    1958 + random.Next(38), Parties[random.Next(Parties.Length)], Educations[random.Next(Educations.Length)], occupation,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, unit, place, community, Firms[random.Next(Firms.Length)]), $"1390571{serial:D4}",
                    random.Next(100) < 40 ? $"deputy{serial:D4}@example.com" : null);
                // Townships: their own township deputies, and a few district deputies; streets: district deputies living there.
                var level = township && i >= 4 ? SeatLevel.Township : SeatLevel.District;
                var term = level == SeatLevel.Township ? TownshipTerm : DistrictTerm;
                var byElection = i is 7 or 15;
                var constituency = $"{place}第{"一二三四五六七八"[i % 8]}选区";
                var deputy = Add(db, details, now, tenant, level, term, constituency, byElection ? ByElectionDay : ElectionDay, byElection);
                if (!resigned && code == "xiliu" && i == 10)
                {
                    deputy.Seats[0].End(SeatStatus.Resigned, new DateOnly(2024, 3, 20), "工作调动离开本区,本人书面申请辞去代表职务");
                    resigned = true;
                }
                if (code == "dongliu" && i == 0)
                {
                    // A city deputy living in the street, organised by it as well.
                    AddSeat(db, deputy, tenant, SeatLevel.City, 16, "柳城区代表团", new DateOnly(2022, 1, 10), false);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data: registered {Count} demo deputies", serial + 2);
    }

    private static Deputy Add(DeputiesDbContext db, DeputyDetails details, DateTime now, TenantInfo tenant, SeatLevel level, int term,
        string constituency, DateOnly electedOn, bool byElection)
    {
        var deputy = new Deputy(details, now);
        db.Deputies.Add(deputy);
        AddSeat(db, deputy, tenant, level, term, constituency, electedOn, byElection);
        return deputy;
    }

    private static void AddSeat(DeputiesDbContext db, Deputy deputy, TenantInfo tenant, SeatLevel level, int term, string constituency,
        DateOnly electedOn, bool byElection) =>
        db.Seats.Add(deputy.AddSeat(new SeatDetails(level, term, constituency, electedOn, byElection, tenant.Id, tenant.Path)));
}
