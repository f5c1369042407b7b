using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Domain;

/// <summary>
/// A person's seat in one tenant and the roles they hold there (user × tenant × roles). A deputy
/// elected at township and district level has two memberships; supervising the streets below comes
/// from the <c>supervisor</c> role held at the district.
/// </summary>
internal sealed class Membership : TenantOwnedEntity
{
    private Membership()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>Role names, comma-separated and sorted (a portable column; roles are few and fixed).</summary>
    public string Roles { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static Membership Create(Guid userId, IEnumerable<string> roles, DateTime nowUtc)
    {
        var membership = new Membership { UserId = userId, CreatedAtUtc = nowUtc };
        membership.SetRoles(roles);
        return membership;
    }

    public void SetRoles(IEnumerable<string> roles)
    {
        var list = roles.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new BusinessRuleException("membership.no_role", Text.Of("至少需要一个角色。", "At least one role is required."));
        }
        var unknown = list.FirstOrDefault(r => !BuildingBlocks.Security.Roles.IsKnown(r));
        if (unknown is not null)
        {
            throw new BusinessRuleException("membership.unknown_role", Text.Of($"未知角色“{unknown}”。", $"Unknown role '{unknown}'."));
        }
        var administrators = list.Count(r => r is BuildingBlocks.Security.Roles.SystemAdmin or BuildingBlocks.Security.Roles.SecurityAdmin or BuildingBlocks.Security.Roles.AuditAdmin);
        if (administrators > 1)
        {
            throw new BusinessRuleException("membership.separation_of_duties", Text.Of(
                "系统管理员、安全管理员、审计管理员须由不同人员担任(三员分立)。",
                "The system, security and audit administrator roles must be held by different people."));
        }
        Roles = string.Join(',', list);
    }
}
