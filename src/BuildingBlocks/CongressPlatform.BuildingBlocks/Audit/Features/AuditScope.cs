using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Audit.Features;

/// <summary>
/// The audit administrator's filter, shared by the list, the CSV export and the export source. Times are inclusive;
/// <see cref="Text"/> looks in the action, the user's name, the object, the detail and the changed fields.
/// </summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null, DateTimeOffset? To = null, Guid? UserId = null, string? UserName = null, Guid? TenantId = null,
    string? Action = null, string? Category = null, string? EntityType = null, string? EntityId = null, string? Outcome = null,
    string? Text = null);

internal static class AuditScope
{
    public const int MaxTextLength = 100;

    public static void ApplyRules<T>(AbstractValidator<T> validator, Func<T, AuditFilter> filter)
    {
        validator.RuleFor(x => filter(x)).Must(f => f.From is not { } start || f.To is not { } end || start <= end)
            .OverridePropertyName("to")
            .WithMessage(_ => SharedKernel.Text.Of("结束时间不能早于开始时间。", "'to' must not be earlier than 'from'."));
        validator.RuleFor(x => filter(x).Outcome).Must(o => string.IsNullOrWhiteSpace(o) || AuditOutcomes.IsKnown(o.Trim()))
            .OverridePropertyName("outcome")
            .WithMessage((_, o) => SharedKernel.Text.Of($"未知的结果“{o}”,应为 succeeded、refused 或 failed。",
                $"Unknown outcome '{o}': succeeded, refused or failed."));
        validator.RuleFor(x => filter(x).Category).Must(c => string.IsNullOrWhiteSpace(c) || c.Trim() is AuditCategories.Command or AuditCategories.Event)
            .OverridePropertyName("category")
            .WithMessage((_, c) => SharedKernel.Text.Of($"未知的类别“{c}”,应为 command 或 event。", $"Unknown category '{c}': command or event."));
        foreach (var (get, name, zh) in new (Func<AuditFilter, string?>, string, string)[]
                 {
                     (f => f.UserName, "userName", "用户"), (f => f.Action, "action", "操作"), (f => f.EntityType, "entityType", "对象类型"),
                     (f => f.EntityId, "entityId", "对象编号"), (f => f.Text, "text", "关键字"),
                 })
        {
            validator.RuleFor(x => get(filter(x))).MaximumLength(MaxTextLength).OverridePropertyName(name)
                .WithMessage(_ => SharedKernel.Text.Of($"{zh}不能超过 {MaxTextLength} 个字符。", $"'{name}' must be at most {MaxTextLength} characters."));
        }
    }

    /// <summary>
    /// The entries the caller may read (ADR 0015, kept by ADR 0019): the active tenant and its whole subtree — the
    /// auditor's job, no supervision flag needed — and, at the root of the tree, the entries of no tenant.
    /// The log is not tenant-owned (an entry may have no tenant), so this is the one place that decides.
    /// </summary>
    public static async Task<IQueryable<AuditEntry>> VisibleAsync(
        AuditDbContext db, ITenantContext scope, ITenantDirectory directory, CancellationToken cancellationToken)
    {
        var entries = db.Entries.AsNoTracking();
        if (scope.IsSystem)
        {
            return entries;
        }
        if (!scope.IsResolved)
        {
            return entries.Where(_ => false);
        }
        var path = scope.TenantPath;
        var atRoot = await directory.FindAsync(scope.TenantId, cancellationToken) is { ParentId: null };
        return atRoot
            ? entries.Where(e => e.TenantPath == null || e.TenantPath.StartsWith(path))
            : entries.Where(e => e.TenantPath != null && e.TenantPath.StartsWith(path));
    }

    /// <summary>The filter applied, newest first (by sequence number, the order of the chain).</summary>
    public static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries, AuditFilter f)
    {
        if (f.From is { } from)
        {
            var utc = from.UtcDateTime;
            entries = entries.Where(e => e.OccurredAtUtc >= utc);
        }
        if (f.To is { } to)
        {
            var utc = to.UtcDateTime;
            entries = entries.Where(e => e.OccurredAtUtc <= utc);
        }
        if (f.UserId is { } userId)
        {
            entries = entries.Where(e => e.UserId == userId || e.ActorId == userId);
        }
        if (Trimmed(f.UserName) is { } userName)
        {
            entries = entries.Where(e => e.UserName != null && e.UserName.Contains(userName));
        }
        if (f.TenantId is { } tenantId)
        {
            entries = entries.Where(e => e.TenantId == tenantId);
        }
        if (Trimmed(f.Action) is { } action)
        {
            entries = entries.Where(e => e.Action.StartsWith(action));
        }
        if (Trimmed(f.Category) is { } category)
        {
            entries = entries.Where(e => e.Category == category);
        }
        if (Trimmed(f.EntityType) is { } entityType)
        {
            entries = entries.Where(e => e.EntityType == entityType || (e.Changes != null && e.Changes.Contains("\"type\":\"" + entityType + "\"")));
        }
        if (Trimmed(f.EntityId) is { } entityId)
        {
            entries = entries.Where(e => e.EntityId == entityId || (e.Changes != null && e.Changes.Contains(entityId)));
        }
        if (Trimmed(f.Outcome) is { } outcome)
        {
            entries = entries.Where(e => e.Outcome == outcome);
        }
        if (Trimmed(f.Text) is { } text)
        {
            entries = entries.Where(e => e.Action.Contains(text) || (e.UserName != null && e.UserName.Contains(text))
                || (e.Detail != null && e.Detail.Contains(text)) || (e.EntityId != null && e.EntityId.Contains(text))
                || (e.ErrorCode != null && e.ErrorCode.Contains(text)) || (e.Changes != null && e.Changes.Contains(text)));
        }
        return entries.OrderByDescending(e => e.Seq);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
