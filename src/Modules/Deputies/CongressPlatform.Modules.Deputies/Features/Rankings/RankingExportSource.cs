using System.Runtime.CompilerServices;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Features.Rankings;

/// <summary>
/// The ranking page's list as a spreadsheet (履职积分排名): the same filter as <c>GET /api/deputies/rankings</c> —
/// <c>year</c> (required), <c>quarter</c>, <c>tenantId</c>, <c>groupId</c> — one row per deputy, a column per kind.
/// </summary>
internal sealed class RankingExportSource(RankingBuilder rankings) : IExportSource
{
    public string Name => "deputies.rankings";

    public string Permission => DeputiesPermissions.RankingsRead;

    public string Title => "履职积分排名";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("名次", ExportCellType.Number, 8),
        new("姓名", ExportCellType.Text, 12),
        new("单位", ExportCellType.Text, 20),
        new("代表小组", ExportCellType.Text, 16),
        new("总积分", ExportCellType.Number, 10),
        .. Enum.GetValues<DutyKind>().Select(k => new ExportColumn(DutyKindNames.Zh(k), ExportCellType.Number, 10)),
        new("计分依据", ExportCellType.Text, 30),
    ];

    public async Task<int> CountAsync(JsonElement filter, CancellationToken cancellationToken) =>
        (await BuildAsync(filter, cancellationToken)).Count;

    public async IAsyncEnumerable<object?[]> RowsAsync(JsonElement filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ranking = await BuildAsync(filter, cancellationToken);
        var basis = string.Join(";", ranking.Policies.Select(p => p.Revision > 0 ? $"{p.TenantName}{p.Year}年办法第{p.Revision}版" : $"{p.TenantName}{p.Year}年默认规则"));
        foreach (var e in ranking.Entries)
        {
            var byKind = e.ByKind.ToDictionary(k => k.Kind, k => k.Points);
            yield return
            [
                e.Rank, e.Name, e.TenantName, e.GroupName, e.Total,
                .. Enum.GetValues<DutyKind>().Select(k => (object?)byKind.GetValueOrDefault(k)),
                basis,
            ];
        }
    }

    private Task<RankingDto> BuildAsync(JsonElement filter, CancellationToken cancellationToken)
    {
        var year = Number(filter, "year") ?? throw Invalid("year");
        var quarter = Number(filter, "quarter");
        if (year is < 2000 or > 2100)
        {
            throw Invalid("year");
        }
        if (quarter is < 1 or > 4)
        {
            throw Invalid("quarter");
        }
        return rankings.DeputiesAsync(year, quarter, ExportFilter.Id(filter, "tenantId"), ExportFilter.Id(filter, "groupId"), cancellationToken);
    }

    private static int? Number(JsonElement filter, string name) =>
        filter.ValueKind != JsonValueKind.Object || !filter.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n
        : throw Invalid(name);

    private static RequestValidationException Invalid(string name) =>
        new(new Dictionary<string, string[]> { [$"filter.{name}"] = [Text.Of($"筛选条件 {name} 无效。", $"The filter's {name} is not valid.")] });
}
