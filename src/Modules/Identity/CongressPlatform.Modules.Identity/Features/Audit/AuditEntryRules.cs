using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Audit;

/// <summary>What listing and exporting the audit log share: the filter fields, their rules, the audit administrator's scope.</summary>
internal static class AuditEntryRules
{
    public static void ApplyFilter<T>(
        AbstractValidator<T> validator, Func<T, DateTimeOffset?> from, Func<T, DateTimeOffset?> to, Func<T, string?> kind, Func<T, string?> userName)
    {
        validator.RuleFor(x => to(x)).Must((x, end) => from(x) is not { } start || end is not { } e || start <= e)
            .OverridePropertyName("to")
            .WithMessage(_ => Text.Of("结束时间不能早于开始时间。", "'to' must not be earlier than 'from'."));
        validator.RuleFor(x => kind(x)).Must(k => k is null || IdentityAuditKinds.IsKnown(k.Trim()))
            .OverridePropertyName("kind")
            .WithMessage((_, k) => Text.Of($"未知的审计事件类型“{k}”。", $"Unknown audit kind '{k}'."));
        validator.RuleFor(x => userName(x)).MaximumLength(IdentityAuditEntry.UserNameLength)
            .OverridePropertyName("userName").WithName(_ => Text.Of("用户名", "User name"));
    }

    /// <summary>
    /// The entries the caller may read. The audit log is not tenant-owned (a failed sign-in has no tenant), so
    /// the scope is decided here: the active tenant and every tenant below it — the tenant tree's own subtree
    /// filter, without the supervision flag, because reading the audit of the subtree is what an audit
    /// administrator at a parent is for — plus, at the root of the tree, the entries of no tenant.
    /// </summary>
    public static async Task<IQueryable<IdentityAuditEntry>> VisibleAsync(
        IdentityDbContext db, ITenantContext scope, ITenantDirectory directory, CancellationToken cancellationToken)
    {
        var entries = db.Set<IdentityAuditEntry>().AsNoTracking();
        if (scope.IsSystem)
        {
            return entries;
        }
        if (!scope.IsResolved)
        {
            return entries.Where(_ => false);
        }
        var subtree = db.Tenants.IgnoreQueryFilters([ModuleDbContext.TenantFilter]).Select(t => t.Id);
        var atRoot = await directory.FindAsync(scope.TenantId, cancellationToken) is { ParentId: null };
        return atRoot
            ? entries.Where(e => e.TenantId == null || subtree.Contains(e.TenantId.Value))
            : entries.Where(e => e.TenantId != null && subtree.Contains(e.TenantId.Value));
    }

    public static IQueryable<IdentityAuditEntry> Filter(
        IQueryable<IdentityAuditEntry> entries, DateTimeOffset? from, DateTimeOffset? to, string? kind, Guid? userId, string? userName)
    {
        if (from is { } start)
        {
            var utc = start.UtcDateTime;
            entries = entries.Where(e => e.OccurredAtUtc >= utc);
        }
        if (to is { } end)
        {
            var utc = end.UtcDateTime;
            entries = entries.Where(e => e.OccurredAtUtc <= utc);
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var k = kind.Trim();
            entries = entries.Where(e => e.Kind == k);
        }
        if (userId is { } id)
        {
            entries = entries.Where(e => e.UserId == id);
        }
        if (!string.IsNullOrWhiteSpace(userName))
        {
            var name = userName.Trim();
            entries = entries.Where(e => e.UserName == name);
        }
        return entries.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id);
    }

    /// <summary>The entries as DTOs, with the names of their tenants.</summary>
    public static async Task<List<AuditEntryDto>> ViewsAsync(
        IQueryable<IdentityAuditEntry> entries, ITenantDirectory directory, CancellationToken cancellationToken)
    {
        var rows = await entries.ToListAsync(cancellationToken);
        var names = new Dictionary<Guid, string?>();
        foreach (var tenantId in rows.Where(r => r.TenantId.HasValue).Select(r => r.TenantId!.Value).Distinct())
        {
            names[tenantId] = (await directory.FindAsync(tenantId, cancellationToken))?.Name;
        }
        return rows.Select(e => new AuditEntryDto(
                e.Id, e.OccurredAtUtc, e.Kind, e.Outcome == IdentityAuditOutcome.Success ? "success" : "failure",
                e.UserId, e.UserName, e.ActorId, e.TenantId, e.TenantId is { } t ? names[t] : null,
                e.ClientId, e.IpAddress, e.UserAgent, e.Detail))
            .ToList();
    }
}
