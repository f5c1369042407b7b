using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Benchmarks.Deputies;

/// <summary>
/// The load: N deputies spread over the demo district's streets and townships (one seat each where they
/// live, one in ten also a district seat organised by the district) and M duty records over last year and this year,
/// in the tenant of one of the deputy's seats. Deterministic (seeded random), written in batches through the module's
/// DbContext in a system scope, so the rows are exactly what the platform itself would store.
/// </summary>
internal static class DeputiesSeed
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] Given = ["建国", "秀英", "志强", "丽华", "海燕", "国平", "晓东", "春梅", "文斌", "桂兰", "永红", "明辉", "淑珍", "振华", "玉兰", "德明"];
    private static readonly string[] Parties = ["中共党员", "中共党员", "中共党员", "群众", "民盟盟员", "九三学社社员"];
    private static readonly string[] Occupations = ["社区党委书记", "企业负责人", "教师", "医生", "村党支部书记", "个体工商户", "公务员", "农民"];

    public static async Task SeedAsync(IServiceProvider services, int deputies, int records, IList<Guid> sampleDeputyIds)
    {
        if (deputies <= 0)
        {
            return;
        }
        var random = new Random(20261201);
        var now = DateTime.UtcNow;
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var identity = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var tenants = await identity.Tenants.AsNoTracking().OrderBy(t => t.Path).ToListAsync();
        var district = tenants.Single(t => t.ParentId is null);
        var children = tenants.Where(t => t.ParentId is not null).ToList();

        var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var homes = new (Guid Deputy, Guid Tenant, string Path, bool District)[deputies];
        for (var i = 0; i < deputies; i++)
        {
            var home = children[i % children.Count];
            var name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
            var deputy = new Deputy(new DeputyDetails(name, (Gender)(i % 2), "汉族", 1960 + random.Next(35), Parties[random.Next(Parties.Length)],
                "本科", Occupations[random.Next(Occupations.Length)], $"压测单位{i % 400:D3}", $"139{i:D8}", null), now);
            deputy.AddSeat(new SeatDetails(home.Kind == TenantKind.Township ? SeatLevel.Township : SeatLevel.District,
                home.Kind == TenantKind.Township ? 18 : 17, $"第{i % 40 + 1}选区", new DateOnly(2021, 12, 1), i % 50 == 0, home.Id, home.Path));
            var alsoDistrict = i % 10 == 0;
            if (alsoDistrict)
            {
                deputy.AddSeat(new SeatDetails(SeatLevel.District, 17, $"第{i % 40 + 1}选区", new DateOnly(2021, 12, 1), false, district.Id, district.Path));
            }
            db.Deputies.Add(deputy);
            homes[i] = (deputy.Id, home.Id, home.Path, alsoDistrict);
            if (sampleDeputyIds.Count < 500 && i % 7 == 0)
            {
                sampleDeputyIds.Add(deputy.Id);
            }
            if ((i + 1) % 1000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // The totals the archive keeps in step with every record (DutyArchive), built here in one pass: (deputy, tenant,
        // year, quarter, kind) → counting records, priced with the default rules every tenant starts from.
        var counts = new Dictionary<(Guid Deputy, Guid Tenant, string Path, int Year, int Quarter, DutyKind Kind), int>();
        var kinds = Enum.GetValues<DutyKind>();
        var thisYear = ChinaTime.Today(TimeProvider.System).Year;
        var firstDay = new DateOnly(thisYear - 1, 1, 1);
        var span = ChinaTime.Today(TimeProvider.System).DayNumber - firstDay.DayNumber;
        for (var r = 0; r < records; r++)
        {
            var (deputyId, tenantId, path, alsoDistrict) = homes[r % deputies];
            var inDistrict = alsoDistrict && r % 3 == 0;
            var kind = kinds[random.Next(kinds.Length)];
            var attendance = random.Next(20) == 0 ? DutyAttendance.Leave : DutyAttendance.Attended;
            var record = new DutyRecord(deputyId, kind, firstDay.AddDays(random.Next(span + 1)), $"{DutyKindNames.Zh(kind)}(压测)",
                "bench", r.ToString(System.Globalization.CultureInfo.InvariantCulture), attendance, attendance == DutyAttendance.Leave ? "因公外出" : null,
                null, now, null);
            ((ITenantOwned)record).AssignTenant(inDistrict ? district.Id : tenantId, inDistrict ? district.Path : path);
            db.DutyRecords.Add(record);
            if (record.Counts)
            {
                var key = (deputyId, record.TenantId, record.TenantPath, record.OccurredOn.Year, DutyTotal.QuarterOf(record.OccurredOn), kind);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
            if ((r + 1) % 5000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var rules = new Dictionary<int, Dictionary<DutyKind, (int Points, int? QuarterCap)>>();
        var written = 0;
        foreach (var ((deputy, tenant, tenantPath, year, quarter, kind), count) in counts)
        {
            if (!rules.TryGetValue(year, out var yearRules))
            {
                yearRules = PointsPolicy.CreateDefault(year, now).Rules.ToDictionary(r => r.Kind, r => (r.Points, r.QuarterCap));
                rules[year] = yearRules;
            }
            var total = new DutyTotal(deputy, year, quarter, kind);
            total.Add(count, yearRules.TryGetValue(kind, out var rule) ? rule : null);
            ((ITenantOwned)total).AssignTenant(tenant, tenantPath);
            db.DutyTotals.Add(total);
            if (++written % 5000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"bench: {written} duty totals (per deputy, tenant, quarter and kind)");
        Console.WriteLine($"bench: seeded {deputies} deputies ({deputies / 10 + (deputies % 10 > 0 ? 1 : 0)} also with a district seat) and {records} duty records over {children.Count} streets and townships");
    }
}
