using System.Runtime.CompilerServices;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.HandlingUnits;

/// <summary>The handling units list for export, with the list's filter (<c>tenantId</c>, <c>search</c>, <c>includeInactive</c>) and scope.</summary>
internal sealed class HandlingUnitsExportSource(IdentityDbContext db) : IExportSource
{
    public string Name => "identity.handling-units";

    public string Permission => IdentityPermissions.HandlingUnitsRead;

    public string Title => "承办单位";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("所属单位", Width: 20),
        new("名称", Width: 30),
        new("类型", Width: 16),
        new("联系人", Width: 12),
        new("联系电话", Width: 16),
        new("状态", Width: 8),
    ];

    public Task<int> CountAsync(JsonElement filter, CancellationToken cancellationToken) => Query(filter).CountAsync(cancellationToken);

    public async IAsyncEnumerable<object?[]> RowsAsync(JsonElement filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var u in ListHandlingUnitsQueryHandler.InListOrder(db, Query(filter)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return [u.TenantName, u.Name, KindName(u.Kind), u.ContactName, u.ContactPhone, u.IsActive ? "启用" : "停用"];
        }
    }

    private IQueryable<HandlingUnit> Query(JsonElement filter) =>
        ListHandlingUnitsQueryHandler.Visible(db, ExportFilter.Id(filter, "tenantId"), ExportFilter.Text(filter, "search", 50),
            ExportFilter.Flag(filter, "includeInactive") ?? false);

    private static string KindName(HandlingUnitKind kind) => kind switch
    {
        HandlingUnitKind.GovernmentDepartment => "政府工作部门",
        HandlingUnitKind.StreetOffice => "街道办事处",
        HandlingUnitKind.TownshipGovernment => "乡镇人民政府",
        HandlingUnitKind.PublicService => "公共服务单位",
        _ => "其他",
    };
}
