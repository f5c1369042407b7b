using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>A person's standing in one tenant: their own seat there, or supervision from a seat above it.</summary>
internal sealed record TenantGrant(TenantInfo Tenant, IReadOnlyList<string> Roles, bool BySupervision);

/// <summary>
/// Decides which tenant a person may act in and with which roles, from their memberships — at
/// authorization, at every token, and (cached briefly) on every API request.
/// </summary>
internal sealed class TenantAccess(IdentityDbContext db, ITenantDirectory directory)
{
    /// <summary>Roles a supervisor carries into a child tenant: never the administrator roles of the parent.</summary>
    private static readonly string[] CarriedBySupervision = [Roles.Supervisor, Roles.Leader, Roles.Staff];

    /// <summary>The tenant asked for (code or id), or the first seat in tree order when none is asked for.</summary>
    public async Task<TenantGrant?> ResolveAsync(Guid userId, string? requested, CancellationToken cancellationToken)
    {
        var seats = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => new { m.TenantId, m.TenantPath, m.Roles })
            .ToListAsync(cancellationToken);
        if (seats.Count == 0)
        {
            return null;
        }
        TenantInfo? tenant;
        if (string.IsNullOrWhiteSpace(requested))
        {
            var first = seats.OrderBy(s => s.TenantPath, StringComparer.Ordinal).First();
            tenant = await directory.FindAsync(first.TenantId, cancellationToken);
        }
        else
        {
            requested = requested.Trim();
            tenant = Guid.TryParse(requested, out var id)
                ? await directory.FindAsync(id, cancellationToken)
                : requested.Length <= 32 ? await directory.FindByCodeAsync(requested, cancellationToken) : null;
        }
        if (tenant is null || !tenant.IsActive)
        {
            return null;
        }
        var own = seats.FirstOrDefault(s => s.TenantId == tenant.Id);
        if (own is not null)
        {
            return new TenantGrant(tenant, Split(own.Roles), false);
        }
        var above = seats
            .Where(s => s.TenantPath != tenant.Path && tenant.Path.StartsWith(s.TenantPath, StringComparison.Ordinal) && Split(s.Roles).Contains(Roles.Supervisor))
            .OrderBy(s => s.TenantPath.Length)
            .FirstOrDefault();
        if (above is null)
        {
            return null;
        }
        var carried = Split(above.Roles).Where(r => CarriedBySupervision.Contains(r)).ToList();
        return new TenantGrant(tenant, carried, true);
    }

    /// <summary>Every tenant the person holds a seat in, for the tenant switcher.</summary>
    public async Task<IReadOnlyList<(TenantInfo Tenant, IReadOnlyList<string> Roles)>> SeatsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var seats = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId).Select(m => new { m.TenantId, m.TenantPath, m.Roles })
            .ToListAsync(cancellationToken);
        var result = new List<(TenantInfo, IReadOnlyList<string>)>();
        foreach (var seat in seats.OrderBy(s => s.TenantPath, StringComparer.Ordinal))
        {
            if (await directory.FindAsync(seat.TenantId, cancellationToken) is { IsActive: true } tenant)
            {
                result.Add((tenant, Split(seat.Roles)));
            }
        }
        return result;
    }

    private static string[] Split(string roles) => roles.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
