using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Audit.Features;

/// <summary>The columns of an exported audit log.</summary>
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

/// <summary>
/// The audit log for the exports service (the 导出 button of /system/audit: .xlsx or CSV, in the background when large):
/// the search's filter (JSON, camelCase) and scope. When the rows have been read, the export is recorded in the log.
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
        AuditFilter parsed;
        try
        {
            parsed = filter.Deserialize<AuditFilter>(AuditJson.Options) ?? new AuditFilter();
        }
        catch (JsonException)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["filter"] = [SharedKernel.Text.Of("筛选条件格式不正确(时间须为 ISO 8601,编号须为 GUID)。",
                    "The filter is malformed (times must be ISO 8601, ids GUIDs).")],
            });
        }
        var validator = new InlineValidator<AuditFilter>();
        AuditScope.ApplyRules(validator, f => f);
        var result = validator.Validate(parsed);
        if (!result.IsValid)
        {
            throw new RequestValidationException(result.Errors.GroupBy(e => $"filter.{e.PropertyName}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }
        return parsed;
    }
}
