using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Security;

/// <summary>A permission (<c>module.resource.action</c>), its names for people, and the roles granted it by default.</summary>
public sealed record PermissionDefinition(string Name, string ZhName, string EnName, IReadOnlyList<string> DefaultRoles);

/// <summary>Platform-wide permissions that belong to no single module.</summary>
public static class PlatformPermissions
{
    /// <summary>Read and act in the tenants below the active one (a role held at the parent).</summary>
    public const string SuperviseSubtree = "platform.tenants.supervise";
    public const string JobsRead = "platform.jobs.read";
    public const string JobsRun = "platform.jobs.run";
    public const string CalendarRead = "platform.calendar.read";
    public const string CalendarManage = "platform.calendar.manage";
    public const string AuditRead = "platform.audit.read";
    public const string AuditRetention = "platform.audit.retention";
    public const string ExportsUse = "platform.exports.use";

    public static IEnumerable<PermissionDefinition> Definitions =>
    [
        new(SuperviseSubtree, "督导下级单位", "Supervise child organisations", [Roles.Supervisor, Roles.SystemAdmin]),
        new(JobsRead, "查看定时任务", "View scheduled jobs", [Roles.SystemAdmin]),
        new(JobsRun, "立即执行定时任务", "Run scheduled jobs now", [Roles.SystemAdmin]),
        // Everyone signed in reads the working-day calendar: every deadline is counted on it.
        new(CalendarRead, "查看工作日历", "View the working-day calendar", Roles.All),
        new(CalendarManage, "维护工作日历", "Maintain the working-day calendar", [Roles.SystemAdmin]),
        // 三员分立: only the audit administrator reads, verifies and exports the audit log.
        new(AuditRead, "查询、校验和导出审计日志", "Search, verify and export the audit log", [Roles.AuditAdmin]),
        // No role: only the system (the retention job) deletes expired entries.
        new(AuditRetention, "清理过期审计日志", "Delete expired audit entries", []),
        // Everyone signed in may export; each list's own permission decides what (IExportSource.Permission).
        new(ExportsUse, "导出列表并下载本人的导出文件", "Export lists and download one's own exports", Roles.All),
    ];
}

/// <summary>Every permission the modules declared, and which roles hold which permissions.</summary>
public sealed class PermissionCatalog
{
    private readonly FrozenDictionary<string, PermissionDefinition> _byName;
    private readonly FrozenDictionary<string, FrozenSet<string>> _byRole;

    public PermissionCatalog(IEnumerable<PermissionDefinition> definitions)
    {
        var list = definitions.ToList();
        var duplicate = list.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Permission '{duplicate.Key}' is declared twice.");
        }
        foreach (var role in list.SelectMany(d => d.DefaultRoles).Where(r => !Roles.IsKnown(r)))
        {
            throw new InvalidOperationException($"Unknown role '{role}' in the permission catalogue.");
        }
        _byName = list.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
        _byRole = Roles.All.ToFrozenDictionary(
            r => r,
            r => list.Where(d => d.DefaultRoles.Contains(r)).Select(d => d.Name).ToFrozenSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public IReadOnlyCollection<PermissionDefinition> All => _byName.Values;

    public bool Exists(string permission) => _byName.ContainsKey(permission);

    public IReadOnlySet<string> PermissionsOf(IEnumerable<string> roles)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            if (_byRole.TryGetValue(role, out var granted))
            {
                set.UnionWith(granted);
            }
        }
        return set;
    }
}

public static class PermissionRegistration
{
    /// <summary>Adds a module's permissions to the catalogue.</summary>
    public static IServiceCollection AddPermissions(this IServiceCollection services, IEnumerable<PermissionDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            services.AddSingleton(definition);
        }
        return services;
    }
}
