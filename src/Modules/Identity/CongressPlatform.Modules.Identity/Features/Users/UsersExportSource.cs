using System.Runtime.CompilerServices;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Users;

/// <summary>
/// The users list (/system/users) for export, with the list's filter (<c>search</c>, <c>tenantId</c>) and scope; mobile
/// numbers masked as the list shows them.
/// </summary>
internal sealed class UsersExportSource(IdentityDbContext db, TimeProvider clock) : IExportSource
{
    private const int Batch = 500;

    public string Name => "identity.users";

    public string Permission => IdentityPermissions.UsersRead;

    public string Title => "用户";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("用户名", Width: 18),
        new("姓名", Width: 12),
        new("手机号", Width: 14),
        new("电子邮箱", Width: 24),
        new("状态", Width: 8),
        new("已锁定", Width: 8),
        new("所在单位及角色", Width: 48),
        new("任期届满", ExportCellType.Date, 12),
        new("创建时间", ExportCellType.DateTime, 20),
    ];

    public Task<int> CountAsync(JsonElement filter, CancellationToken cancellationToken) => Query(filter).CountAsync(cancellationToken);

    public async IAsyncEnumerable<object?[]> RowsAsync(JsonElement filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = UserAdministrationRules.InListOrder(Query(filter));
        for (var skip = 0; ; skip += Batch)
        {
            var batch = await ids.Skip(skip).Take(Batch).ToListAsync(cancellationToken);
            foreach (var u in await UserAdministrationRules.ViewsAsync(db, batch, clock.GetUtcNow().UtcDateTime, cancellationToken))
            {
                yield return
                [
                    u.UserName, u.DisplayName, u.PhoneNumber, u.Email, u.Status == AccountStatus.Active ? "正常" : "已停用",
                    u.IsLockedOut ? "是" : "否",
                    string.Join(";", u.Memberships.Select(m => $"{m.TenantName}:{string.Join("、", m.Roles.Select(RoleNames.Chinese))}")),
                    u.TermEndsOn, u.CreatedAtUtc,
                ];
            }
            if (batch.Count < Batch)
            {
                yield break;
            }
        }
    }

    private IQueryable<UserAccount> Query(JsonElement filter) =>
        UserAdministrationRules.Visible(db, ExportFilter.Text(filter, "search", 50), ExportFilter.Id(filter, "tenantId"));
}

/// <summary>The roles' Chinese names, as the web client shows them.</summary>
internal static class RoleNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [Roles.SystemAdmin] = "系统管理员",
        [Roles.SecurityAdmin] = "安全管理员",
        [Roles.AuditAdmin] = "审计管理员",
        [Roles.TenantAdmin] = "单位管理员",
        [Roles.Supervisor] = "督导",
        [Roles.Leader] = "领导",
        [Roles.Staff] = "工作人员",
        [Roles.StationKeeper] = "联络站站长",
        [Roles.Deputy] = "人大代表",
        [Roles.UnitOfficer] = "承办单位人员",
    };

    public static string Chinese(string role) => Names.GetValueOrDefault(role, role);
}
