using System.Runtime.CompilerServices;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ExportDeputies;

/// <summary>
/// The registry list (/deputies) for export, with the list's filter (<c>search</c>, <c>level</c>, <c>status</c>, <c>term</c>,
/// <c>groupId</c>, <c>stationId</c>, <c>pointsYear</c>, <c>minPoints</c>, <c>maxPoints</c>) and scope; one row per visible seat; mobile and e-mail masked as the list shows them.
/// </summary>
internal sealed class DeputiesExportSource(DeputiesDbContext db, ITenantDirectory directory, TimeProvider clock, IMediator mediator) : IExportSource
{
    private const int Batch = 500;

    public string Name => "deputies.deputies";

    public string Permission => DeputiesPermissions.DeputiesRead;

    public string Title => "代表名册";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("姓名", Width: 10),
        new("性别", Width: 6),
        new("民族", Width: 8),
        new("出生年份", ExportCellType.Number, 8),
        new("政治面貌", Width: 12),
        new("学历", Width: 10),
        new("职业", Width: 14),
        new("工作单位及职务", Width: 28),
        new("手机号", Width: 14),
        new("所属单位", Width: 18),
        new("代表层级", Width: 8),
        new("届次", Width: 10),
        new("选区", Width: 20),
        new("当选日期", ExportCellType.Date, 12),
        new("补选", Width: 6),
        new("状态", Width: 10),
        new("终止日期", ExportCellType.Date, 12),
        new("已开通账号", Width: 10),
    ];

    /// <summary>One row per visible seat of the filtered deputies.</summary>
    public async Task<int> CountAsync(JsonElement filter, CancellationToken cancellationToken)
    {
        var deputies = await QueryAsync(filter, cancellationToken);
        return await db.Seats.AsNoTracking().Where(s => deputies.Any(d => d.Id == s.DeputyId)).CountAsync(cancellationToken);
    }

    public async IAsyncEnumerable<object?[]> RowsAsync(JsonElement filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ordered = RegistryQueries.InListOrder(await QueryAsync(filter, cancellationToken));
        for (var skip = 0; ; skip += Batch)
        {
            var batch = await ordered.Skip(skip).Take(Batch).ToListAsync(cancellationToken);
            var seats = await RegistryQueries.SeatsAsync(db, directory, batch.Select(d => d.Id).ToList(), cancellationToken);
            foreach (var d in batch)
            {
                foreach (var s in seats[d.Id])
                {
                    yield return
                    [
                        d.Name, RegistryNames.Genders[d.Gender], d.Ethnicity, d.BirthYear, d.Party, d.Education, d.Occupation, d.WorkUnit,
                        ContactMasking.Mobile(d.Mobile), s.TenantName, RegistryNames.Levels[s.Level], RegistryNames.TermName(s.Term), s.Constituency,
                        s.ElectedOn, s.ByElection ? "是" : "否", RegistryNames.Statuses[s.Status], s.EndedOn, d.UserId is null ? "否" : "是",
                    ];
                }
            }
            if (batch.Count < Batch)
            {
                yield break;
            }
        }
    }

    private async Task<IQueryable<Deputy>> QueryAsync(JsonElement filter, CancellationToken cancellationToken)
    {
        var station = ExportFilter.Text(filter, "stationId", 40) is not { } text ? (Guid?)null
            : Guid.TryParse(text, out var stationId) ? stationId : throw Invalid("stationId");
        var stationDeputies = station is { } id ? await mediator.Send(new GetStationDeputyIdsQuery(id), cancellationToken) : null;
        return Query(filter, stationDeputies);
    }

    private IQueryable<Deputy> Query(JsonElement filter, IReadOnlyCollection<Guid>? stationDeputies) => RegistryQueries.Visible(db, new DeputyListFilter(
        ExportFilter.Text(filter, "search", 50),
        EnumOf<SeatLevel>(filter, "level"),
        EnumOf<SeatStatus>(filter, "status"),
        Number(filter, "term", 1, 99),
        ExportFilter.Text(filter, "groupId", 40) is not { } group ? null : Guid.TryParse(group, out var groupId) ? groupId : throw Invalid("groupId"),
        Number(filter, "pointsYear", 2000, 2100) ?? ChinaTime.Today(clock).Year,
        Number(filter, "minPoints", 0, 1_000_000),
        Number(filter, "maxPoints", 0, 1_000_000),
        stationDeputies));

    private static T? EnumOf<T>(JsonElement filter, string name) where T : struct, Enum =>
        ExportFilter.Text(filter, name, 20) is not { } text ? null
        : Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
        : throw Invalid(name);

    private static int? Number(JsonElement filter, string name, int min, int max) =>
        filter.ValueKind != JsonValueKind.Object || !filter.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max ? n
        : throw Invalid(name);

    private static RequestValidationException Invalid(string name) =>
        new(new Dictionary<string, string[]> { [$"filter.{name}"] = [Text.Of($"筛选条件 {name} 的值无效。", $"The filter's {name} is not valid.")] });
}
