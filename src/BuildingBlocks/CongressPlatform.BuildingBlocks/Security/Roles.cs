namespace CongressPlatform.BuildingBlocks.Security;

/// <summary>
/// The roles a membership can hold in a tenant. The three administrators are separated
/// (三员分立): none of them holds another's permissions.
/// </summary>
public static class Roles
{
    public const string SystemAdmin = "system-admin";       // 系统管理员
    public const string SecurityAdmin = "security-admin";   // 安全管理员
    public const string AuditAdmin = "audit-admin";         // 审计管理员
    public const string TenantAdmin = "tenant-admin";       // 单位管理员
    public const string Supervisor = "supervisor";          // 上级督导:在上级单位持有,可进入下级单位
    public const string Leader = "leader";                  // 领导
    public const string Staff = "staff";                    // 工作人员
    public const string StationKeeper = "station-keeper";   // 站长/联络员
    public const string Deputy = "deputy";                  // 人大代表
    public const string UnitOfficer = "unit-officer";       // 承办单位人员

    public static readonly IReadOnlyList<string> All =
    [
        SystemAdmin, SecurityAdmin, AuditAdmin, TenantAdmin, Supervisor, Leader, Staff, StationKeeper, Deputy, UnitOfficer,
    ];

    /// <summary>The role's Chinese name, as the web client shows it (locales/zh-CN/enums.ts), for messages people read.</summary>
    public static string ZhName(string role) => role switch
    {
        SystemAdmin => "系统管理员",
        SecurityAdmin => "安全管理员",
        AuditAdmin => "审计管理员",
        TenantAdmin => "单位管理员",
        Supervisor => "督导",
        Leader => "领导",
        Staff => "工作人员",
        StationKeeper => "联络站站长",
        Deputy => "人大代表",
        UnitOfficer => "承办单位人员",
        _ => role,
    };

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
