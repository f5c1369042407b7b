using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Audit.Features;

/// <summary>The columns of an exported audit log, shared by the direct CSV and the export source.</summary>
internal static class AuditExportColumns
{
    public static readonly IReadOnlyList<ExportColumn> All =
    [
        new("序号", ExportCellType.Number, 10), new("时间(北京时间)", ExportCellType.DateTime, 20), new("类别", Width: 10),
        new("操作", Width: 30), new("结果", Width: 10), new("错误代码", Width: 20), new("用户ID", Width: 38), new("用户", Width: 16),
        new("操作人ID", Width: 38), new("单位", Width: 20), new("IP地址", Width: 16), new("浏览器标识", Width: 30),
        new("任务", Width: 20), new("对象类型", Width: 16), new("对象编号", Width: 38), new("详情", Width: 40), new("哈希", Width: 66),
    ];

    public static object?[] Row(AuditEntryDto e, string hash) =>
    [
        e.Seq, e.OccurredAtUtc, e.Category == AuditCategories.Command ? "命令" : "事件", e.Action, OutcomeText(e.Outcome),
        e.ErrorCode, e.UserId?.ToString(), e.UserName, e.ActorId?.ToString(), e.TenantName, e.IpAddress, e.UserAgent,
        e.JobKey, e.EntityType, e.EntityId, e.Detail, hash,
    ];

    public static string OutcomeText(string outcome) => outcome switch
    {
        AuditOutcomes.Succeeded => "成功",
        AuditOutcomes.Refused => "拒绝",
        _ => "失败",
    };

    public static string Describe(AuditFilter f)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && (value is not string s || !string.IsNullOrWhiteSpace(s)))
            {
                parts.Add(FormattableString.Invariant($"{name}={value}"));
            }
        }
        Add("from", f.From?.ToString("O", CultureInfo.InvariantCulture));
        Add("to", f.To?.ToString("O", CultureInfo.InvariantCulture));
        Add("userId", f.UserId);
        Add("userName", f.UserName);
        Add("tenantId", f.TenantId);
        Add("action", f.Action);
        Add("category", f.Category);
        Add("entityType", f.EntityType);
        Add("entityId", f.EntityId);
        Add("outcome", f.Outcome);
        Add("text", f.Text);
        return parts.Count == 0 ? "全部" : string.Join(", ", parts);
    }
}

/// <summary>A CSV file: its name and its bytes (with the UTF-8 byte-order mark).</summary>
public sealed record AuditCsvDto(string FileName, byte[] Content);

/// <summary>
/// The entries matching the list's filter, newest first, as CSV for Excel (UTF-8 with BOM, Chinese headers, Beijing
/// time), at most <see cref="ExportAuditEntriesQueryHandler.MaxRows"/> rows. The export is itself recorded.
/// </summary>
[RequiresPermission(PlatformPermissions.AuditRead)]
public sealed record ExportAuditEntriesQuery(AuditFilter Filter) : IQuery<AuditCsvDto>;

internal sealed class ExportAuditEntriesQueryValidator : AbstractValidator<ExportAuditEntriesQuery>
{
    public ExportAuditEntriesQueryValidator() => AuditScope.ApplyRules(this, q => q.Filter);
}

internal sealed class ExportAuditEntriesQueryHandler(
    AuditDbContext db, ITenantContext scope, ITenantDirectory directory, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<ExportAuditEntriesQuery, AuditCsvDto>
{
    public const int MaxRows = 50_000;

    public async Task<AuditCsvDto> Handle(ExportAuditEntriesQuery request, CancellationToken cancellationToken)
    {
        var entries = AuditScope.Apply(await AuditScope.VisibleAsync(db, scope, directory, cancellationToken), request.Filter);
        var count = await entries.CountAsync(cancellationToken);
        if (count > MaxRows)
        {
            throw new BusinessRuleException("audit.export_too_large", Text.Of(
                $"符合条件的审计记录有 {count} 条,超过单次导出上限 {MaxRows} 条,请缩小时间范围后分批导出。",
                $"{count} entries match, more than the {MaxRows} one export may hold; narrow the time range and export in parts."));
        }
        var csv = new StringBuilder();
        CsvLines.AppendLine(csv, AuditExportColumns.All.Select(c => c.Header).ToList());
        var rows = 0;
        await foreach (var entry in entries.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var cells = AuditExportColumns.Row(AuditEntryDto.From(entry), entry.Hash);
            CsvLines.AppendLine(csv, cells.Select(Cell).ToList());
            rows++;
        }
        await audit.RecordAsync(new AuditRecord("platform.audit.export",
            Detail: $"导出审计日志 {rows} 条(CSV);条件:{AuditExportColumns.Describe(request.Filter)}"), cancellationToken);
        var now = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, ChinaTime.Zone);
        return new AuditCsvDto($"audit-log-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.csv", CsvLines.Utf8WithBom(csv));
    }

    private static string? Cell(object? value) => value switch
    {
        DateTime utc => TimeZoneInfo.ConvertTimeFromUtc(utc, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };
}

/// <summary>
/// The audit log for the exports service (.xlsx/CSV in the background): the same filter (JSON, camelCase), scope and
/// columns as the direct export. When the rows have been read, the export is recorded in the log.
/// </summary>
internal sealed class AuditExportSource(AuditDbContext db, ITenantContext scope, ITenantDirectory directory, IAuditLog audit) : IExportSource
{
    public string Name => "platform.audit-entries";

    public string Permission => PlatformPermissions.AuditRead;

    public string Title => "审计日志";

    public IReadOnlyList<ExportColumn> Columns => AuditExportColumns.All;

    public async Task<int> CountAsync(JsonElement filter, CancellationToken cancellationToken) =>
        await (await QueryAsync(filter, cancellationToken)).CountAsync(cancellationToken);

    public async IAsyncEnumerable<object?[]> RowsAsync(JsonElement filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = 0;
        await foreach (var entry in (await QueryAsync(filter, cancellationToken)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            rows++;
            yield return AuditExportColumns.Row(AuditEntryDto.From(entry), entry.Hash);
        }
        await audit.RecordAsync(new AuditRecord("platform.audit.export",
            Detail: $"导出审计日志 {rows} 条;条件:{AuditExportColumns.Describe(Parse(filter))}"), cancellationToken);
    }

    private async Task<IQueryable<AuditEntry>> QueryAsync(JsonElement filter, CancellationToken cancellationToken) =>
        AuditScope.Apply(await AuditScope.VisibleAsync(db, scope, directory, cancellationToken), Parse(filter));

    internal static AuditFilter Parse(JsonElement filter)
    {
        if (filter.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new AuditFilter();
        }
        var parsed = filter.Deserialize<AuditFilter>(AuditJson.Options) ?? new AuditFilter();
        var validator = new InlineValidator<AuditFilter>();
        AuditScope.ApplyRules(validator, f => f);
        var result = validator.Validate(parsed);
        if (!result.IsValid)
        {
            throw new RequestValidationException(result.Errors.GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }
        return parsed;
    }
}
