using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.Modules.Identity.DemoData;

/// <summary>
/// On an empty database (and only with <c>DemoData:Enabled</c>), a realistic district: 柳城区 with
/// four streets and two townships — 东柳街道 and 新昌镇 are the places of the seed documents —
/// and the handling units that answer their suggestions.
/// </summary>
internal sealed class IdentityDemoData(ILogger<IdentityDemoData> logger) : IStartupTask
{
    public const string DistrictCode = "liucheng";

    internal static readonly (string Code, string Name, TenantKind Kind, string Place)[] Children =
    [
        ("dongliu", "东柳街道人大工委", TenantKind.Street, "东柳街道"),
        ("xiliu", "西柳街道人大工委", TenantKind.Street, "西柳街道"),
        ("nanhu", "南湖街道人大工委", TenantKind.Street, "南湖街道"),
        ("beitang", "北塘街道人大工委", TenantKind.Street, "北塘街道"),
        ("xinchang", "新昌镇人大主席团", TenantKind.Township, "新昌镇"),
        ("qingshan", "青山镇人大主席团", TenantKind.Township, "青山镇"),
    ];

    private static readonly (string Name, HandlingUnitKind Kind, string Contact, string Phone)[] DistrictUnits =
    [
        ("区住房和城乡建设局", HandlingUnitKind.GovernmentDepartment, "办公室", "0571-8601 2301"),
        ("区城市管理局", HandlingUnitKind.GovernmentDepartment, "办公室", "0571-8601 2302"),
        ("区教育局", HandlingUnitKind.GovernmentDepartment, "办公室", "0571-8601 2303"),
        ("区卫生健康局", HandlingUnitKind.GovernmentDepartment, "办公室", "0571-8601 2304"),
        ("区交通运输局", HandlingUnitKind.GovernmentDepartment, "办公室", "0571-8601 2305"),
        ("区民政局", HandlingUnitKind.GovernmentDepartment, "办公室", "0571-8601 2306"),
        ("区农业农村局", HandlingUnitKind.GovernmentDepartment, "办公室", "0571-8601 2307"),
        ("区市场监督管理局", HandlingUnitKind.GovernmentDepartment, "办公室", "0571-8601 2308"),
        ("区应急管理局", HandlingUnitKind.GovernmentDepartment, "办公室", "0571-8601 2309"),
        ("区自来水公司", HandlingUnitKind.PublicService, "客服中心", "0571-8601 2310"),
    ];

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var configuration = scopedServices.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        if (!string.Equals(configuration["DemoData:Enabled"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var db = scopedServices.GetRequiredService<IdentityDbContext>();
        if (await db.Tenants.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = scopedServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var district = Tenant.CreateDistrict(DistrictCode, "柳城区人大常委会", now);
        Add(db, district);
        foreach (var (name, kind, contact, phone) in DistrictUnits)
        {
            AddUnit(db, district, HandlingUnit.Create(name, kind, contact, phone, now));
        }
        foreach (var (code, name, kind, place) in Children)
        {
            var child = district.CreateChild(code, name, kind, now);
            Add(db, child);
            var office = kind == TenantKind.Street ? $"{place}办事处" : $"{place}人民政府";
            var officeKind = kind == TenantKind.Street ? HandlingUnitKind.StreetOffice : HandlingUnitKind.TownshipGovernment;
            AddUnit(db, child, HandlingUnit.Create(office, officeKind, "党政办", null, now));
            AddUnit(db, child, HandlingUnit.Create($"{place}社区服务中心", HandlingUnitKind.PublicService, "服务台", null, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data: created district {District} with {Count} streets and townships", district.Name, Children.Length);
    }

    private static void Add(IdentityDbContext db, Tenant tenant)
    {
        db.Tenants.Add(tenant);
        db.Publish(new TenantCreatedIntegrationEvent(tenant.Id, tenant.Code, tenant.Name, tenant.Kind.ToString(), tenant.Path, tenant.ParentId));
    }

    private static void AddUnit(IdentityDbContext db, Tenant tenant, HandlingUnit unit)
    {
        ((ITenantOwned)unit).AssignTenant(tenant.Id, tenant.Path);
        db.HandlingUnits.Add(unit);
    }
}
