using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Domain;

/// <summary>
/// A node of the tenant tree: the district standing committee at the root, street working
/// committees and township presidiums below it. Codes are immutable; the path is built from them.
/// </summary>
internal sealed class Tenant : Entity, IVersioned, ITenantNode
{
    private Tenant()
    {
    }

    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public TenantKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Path { get; private set; } = string.Empty;
    public int Depth { get; private set; }
    public bool IsActive { get; private set; } = true;
    public DateTime CreatedAtUtc { get; private set; }
    public Guid Version { get; set; } = Guid.CreateVersion7();

    public static Tenant CreateDistrict(string code, string name, DateTime nowUtc) => new()
    {
        Code = code,
        Name = name.Trim(),
        Kind = TenantKind.District,
        Path = TenantPaths.Root(code),
        Depth = 0,
        CreatedAtUtc = nowUtc,
    };

    public Tenant CreateChild(string code, string name, TenantKind kind, DateTime nowUtc)
    {
        if (Kind != TenantKind.District)
        {
            throw new BusinessRuleException("tenant.parent_not_district", Text.Of(
                "只能在区人大常委会下设立街道人大工委或乡镇人大主席团。",
                "Streets and townships can only be created under a district."));
        }
        if (kind == TenantKind.District)
        {
            throw new BusinessRuleException("tenant.child_kind", Text.Of(
                "下级单位只能是街道或乡镇。", "A child organisation must be a street or a township."));
        }
        if (!IsActive)
        {
            throw new BusinessRuleException("tenant.parent_inactive", Text.Of(
                "上级单位已停用,不能新增下级单位。", "The parent organisation is disabled."));
        }
        return new Tenant
        {
            Code = code,
            Name = name.Trim(),
            Kind = kind,
            ParentId = Id,
            Path = TenantPaths.Child(Path, code),
            Depth = Depth + 1,
            CreatedAtUtc = nowUtc,
        };
    }

    public void Update(string name, bool isActive)
    {
        Name = name.Trim();
        IsActive = isActive;
    }

    public TenantInfo ToInfo() => new(Id, Code, Name, Kind, Path, ParentId, IsActive);
}
