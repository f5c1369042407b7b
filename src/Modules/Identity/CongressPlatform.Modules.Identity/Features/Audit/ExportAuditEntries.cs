using System.Globalization;
using System.Text;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Audit;

/// <summary>
/// The entries matching the same filter as the list, newest first, as a CSV file for Excel: UTF-8 with a
/// byte-order mark, Chinese headers, Beijing time. The export is itself audited (<c>export</c>).
/// </summary>
[RequiresPermission(IdentityPermissions.AuditRead)]
public sealed record ExportAuditEntriesQuery(DateTimeOffset? From, DateTimeOffset? To, string? Kind, Guid? UserId, string? UserName)
    : IQuery<AuditExportDto>;

/// <summary>A CSV file: its name and its bytes (with the UTF-8 byte-order mark).</summary>
public sealed record AuditExportDto(string FileName, byte[] Content);

internal sealed class ExportAuditEntriesQueryValidator : AbstractValidator<ExportAuditEntriesQuery>
{
    public ExportAuditEntriesQueryValidator() =>
        AuditEntryRules.ApplyFilter(this, q => q.From, q => q.To, q => q.Kind, q => q.UserName);
}

internal sealed class ExportAuditEntriesQueryHandler(
    IdentityDbContext db, ITenantContext scope, ITenantDirectory directory, ICurrentUser currentUser, IIdentityAudit audit, TimeProvider clock)
    : IRequestHandler<ExportAuditEntriesQuery, AuditExportDto>
{
    /// <summary>One file holds at most this many entries; a wider export is narrowed by time.</summary>
    public const int MaxRows = 50_000;

    private static readonly string[] Header =
        ["记录编号", "时间(北京时间)", "事件类型", "结果", "用户ID", "用户名", "操作人ID", "单位ID", "单位", "客户端", "IP地址", "浏览器标识", "详情"];

    public async Task<AuditExportDto> Handle(ExportAuditEntriesQuery request, CancellationToken cancellationToken)
    {
        var entries = AuditEntryRules.Filter(
            await AuditEntryRules.VisibleAsync(db, scope, directory, cancellationToken),
            request.From, request.To, request.Kind, request.UserId, request.UserName);
        var count = await entries.CountAsync(cancellationToken);
        if (count > MaxRows)
        {
            throw new BusinessRuleException("audit.export_too_large", Text.Of(
                $"符合条件的审计记录有 {count} 条,超过单次导出上限 {MaxRows} 条,请缩小时间范围后分批导出。",
                $"{count} entries match, more than the {MaxRows} one export may hold; narrow the time range and export in parts."));
        }
        var rows = await AuditEntryRules.ViewsAsync(entries, directory, cancellationToken);

        var csv = new StringBuilder();
        AppendLine(csv, Header);
        foreach (var row in rows)
        {
            AppendLine(csv,
            [
                row.Id.ToString(), SpreadsheetText.FormatBeijingTime(row.OccurredAtUtc), row.Kind, row.Outcome == "success" ? "成功" : "失败",
                row.UserId?.ToString(), row.UserName, row.ActorId?.ToString(), row.TenantId?.ToString(), row.TenantName,
                row.ClientId, row.IpAddress, row.UserAgent, row.Detail,
            ]);
        }
        var content = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();

        await audit.RecordAsync(new IdentityAuditRecord(
            IdentityAuditKinds.Export, true, UserId: currentUser.UserId, ActorId: currentUser.UserId,
            TenantId: scope.AuditTenantId(),
            Detail: $"导出身份审计日志 {rows.Count} 条;条件:{Describe(request)}"), cancellationToken);

        var now = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, ChinaTime.Zone);
        return new AuditExportDto($"identity-audit-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.csv", content);
    }

    private static string Describe(ExportAuditEntriesQuery q)
    {
        var parts = new List<string>();
        if (q.From is { } from)
        {
            parts.Add($"from={from.ToString("O", CultureInfo.InvariantCulture)}");
        }
        if (q.To is { } to)
        {
            parts.Add($"to={to.ToString("O", CultureInfo.InvariantCulture)}");
        }
        if (!string.IsNullOrWhiteSpace(q.Kind))
        {
            parts.Add($"kind={q.Kind.Trim()}");
        }
        if (q.UserId is { } userId)
        {
            parts.Add($"userId={userId}");
        }
        if (!string.IsNullOrWhiteSpace(q.UserName))
        {
            parts.Add($"userName={q.UserName.Trim()}");
        }
        return parts.Count == 0 ? "全部" : string.Join(", ", parts);
    }

    /// <summary>
    /// One RFC 4180 line (CRLF). A field is quoted when it holds a comma, quote or line break; a field that
    /// Excel would read as a formula gets a leading apostrophe (<see cref="SpreadsheetText.GuardFormula"/>): a login
    /// typed at a failed sign-in must not become a formula in the auditor's spreadsheet.
    /// </summary>
    internal static void AppendLine(StringBuilder csv, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }
            var field = SpreadsheetText.GuardFormula(fields[i] ?? string.Empty);
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }
        csv.Append("\r\n");
    }
}
