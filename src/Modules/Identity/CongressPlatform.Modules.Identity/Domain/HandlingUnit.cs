using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Domain;

/// <summary>What kind of body a handling unit is.</summary>
public enum HandlingUnitKind
{
    /// <summary>区政府工作部门(区住建局、区城管局……)</summary>
    GovernmentDepartment = 0,

    /// <summary>街道办事处</summary>
    StreetOffice = 1,

    /// <summary>乡镇人民政府</summary>
    TownshipGovernment = 2,

    /// <summary>事业单位、公用企业(供水、供电……)</summary>
    PublicService = 3,

    /// <summary>其他</summary>
    Other = 9,
}

/// <summary>A government office or department that answers suggestions, opinions and petitions (承办单位).</summary>
internal sealed class HandlingUnit : TenantOwnedEntity
{
    private HandlingUnit()
    {
    }

    public string Name { get; private set; } = string.Empty;
    public HandlingUnitKind Kind { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public bool IsActive { get; private set; } = true;
    public DateTime CreatedAtUtc { get; private set; }

    public static HandlingUnit Create(string name, HandlingUnitKind kind, string? contactName, string? contactPhone, DateTime nowUtc) => new()
    {
        Name = name.Trim(),
        Kind = kind,
        ContactName = Normalize(contactName),
        ContactPhone = Normalize(contactPhone),
        CreatedAtUtc = nowUtc,
    };

    public void Update(string name, HandlingUnitKind kind, string? contactName, string? contactPhone, bool isActive)
    {
        Name = name.Trim();
        Kind = kind;
        ContactName = Normalize(contactName);
        ContactPhone = Normalize(contactPhone);
        IsActive = isActive;
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// An officer of a handling unit (承办单位经办人): a user who sees and answers what is referred to that unit. The row
/// belongs to the unit's tenant.
/// </summary>
internal sealed class HandlingUnitOfficer : TenantOwnedEntity
{
    private HandlingUnitOfficer()
    {
    }

    public HandlingUnitOfficer(Guid handlingUnitId, Guid userId, DateTime nowUtc)
    {
        HandlingUnitId = handlingUnitId;
        UserId = userId;
        CreatedAtUtc = nowUtc;
    }

    public Guid HandlingUnitId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
}
