using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Oidc;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Identity;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        if (!await db.Tenants.AnyAsync(cancellationToken))
        {
            await CreateTenantsAsync(scopedServices, db, cancellationToken);
        }
        // Demo accounts share one published password: never in production, whatever the configuration says.
        if (scopedServices.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().IsProduction())
        {
            logger.LogWarning("Demo data: accounts are never created in the Production environment");
            return;
        }
        if (!await db.Users.AnyAsync(cancellationToken))
        {
            await CreateAccountsAsync(scopedServices, db, cancellationToken);
        }
    }

    /// <summary>The demo password of every demo account (README). Development data only.</summary>
    public const string DemoPassword = "Congress#2026";

    /// <summary>The authenticator secret (base32) of the demo administrators, so that anyone trying the demo can add it to an app.</summary>
    public const string DemoAuthenticatorKey = "JBSWY3DPEHPK3PXP";

    internal static readonly (string UserName, string Name, string Phone, (string Tenant, string Roles)[] Seats, bool MustChange)[] Accounts =
    [
        ("sysadmin", "系统管理员", "13800000011", [(DistrictCode, Roles.SystemAdmin)], false),
        ("secadmin", "安全管理员", "13800000012", [(DistrictCode, Roles.SecurityAdmin)], false),
        ("auditor", "审计管理员", "13800000013", [(DistrictCode, Roles.AuditAdmin)], false),
        ("district.admin", "区人大办单位管理员", "13800000014", [(DistrictCode, Roles.TenantAdmin)], false),
        ("leader", "陈主任", "13800000015", [(DistrictCode, $"{Roles.Leader},{Roles.Supervisor}")], false),
        ("district.staff", "李干事", "13800000016", [(DistrictCode, $"{Roles.Staff},{Roles.Supervisor}")], false),
        ("dongliu.admin", "东柳街道管理员", "13800000021", [("dongliu", Roles.TenantAdmin)], false),
        ("dongliu.staff", "赵干事", "13800000022", [("dongliu", Roles.Staff)], false),
        ("dongliu.keeper", "孙站长", "13800000023", [("dongliu", Roles.StationKeeper)], false),
        ("unit.officer", "周科员", "13800000024", [("dongliu", Roles.UnitOfficer)], false),
        ("deputy.li", "李秀英", "13800000002", [("dongliu", Roles.Deputy)], false),
        ("deputy.wang", "王建国", "13800000001", [("xinchang", Roles.Deputy), (DistrictCode, Roles.Deputy)], false),
        ("newcomer", "新同事", "13800000031", [("nanhu", Roles.Staff)], true),
    ];

    private async Task CreateAccountsAsync(IServiceProvider services, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<UserAccount>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var tenants = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Code, cancellationToken);
        foreach (var (userName, name, phone, seats, mustChange) in Accounts)
        {
            if (seats.Any(s => !tenants.ContainsKey(s.Tenant)))
            {
                continue;
            }
            var user = UserAccount.Create(userName, name, phone, null, null, now);
            if (!mustChange)
            {
                user.PasswordChosen(now);
            }
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            var roles = seats.SelectMany(s => s.Roles.Split(',')).ToList();
            if (roles.Any(SignInFlow.PrivilegedRoles.Contains))
            {
                var store = (IUserAuthenticatorKeyStore<UserAccount>)services.GetRequiredService<IUserStore<UserAccount>>();
                await store.SetAuthenticatorKeyAsync(user, DemoAuthenticatorKey, cancellationToken);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            foreach (var (code, seatRoles) in seats)
            {
                var tenant = tenants[code];
                var membership = Membership.Create(user.Id, seatRoles.Split(','), now);
                ((ITenantOwned)membership).AssignTenant(tenant.Id, tenant.Path);
                db.Memberships.Add(membership);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await LinkDemoOfficerAsync(db, now, cancellationToken);
        logger.LogInformation("Demo data: created {Count} demo accounts (password in the README)", Accounts.Length);
    }

    /// <summary>The demo unit officer answers for the street office of the tenant it sits in (its 办事处).</summary>
    private static async Task LinkDemoOfficerAsync(IdentityDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var officer = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == "unit.officer", cancellationToken);
        var seat = officer is null ? null : await db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == officer.Id, cancellationToken);
        var unit = seat is null ? null : await db.HandlingUnits.AsNoTracking()
            .Where(u => u.TenantId == seat.TenantId && u.Kind == HandlingUnitKind.StreetOffice).FirstOrDefaultAsync(cancellationToken);
        if (officer is null || unit is null)
        {
            return;
        }
        var link = new HandlingUnitOfficer(unit.Id, officer.Id, now);
        ((ITenantOwned)link).AssignTenant(unit.TenantId, unit.TenantPath);
        db.HandlingUnitOfficers.Add(link);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task CreateTenantsAsync(IServiceProvider scopedServices, IdentityDbContext db, CancellationToken cancellationToken)
    {
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
