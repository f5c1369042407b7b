using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Stations.Domain;

/// <summary>The tiers of "室—站—点" ("1+2+24+N").</summary>
public enum StationKind
{
    /// <summary>代表之家</summary>
    DeputiesHome = 0,

    /// <summary>中心联络站</summary>
    CentreStation = 1,

    /// <summary>社区联络站 (one per community)</summary>
    CommunityStation = 2,

    /// <summary>联络点 (in an office building or a firm)</summary>
    LiaisonPoint = 3,
}

/// <summary>
/// A place where deputies meet residents (代表联络站), owned by the street or township that runs it. The tree follows
/// the tiers: a home at the top, centre stations under it, community stations under those, points anywhere below.
/// </summary>
internal sealed class Station : TenantOwnedEntity
{
    private Station()
    {
    }

    public Station(StationKind kind, Guid? parentId, StationDetails details, DateTime nowUtc)
    {
        Kind = kind;
        ParentId = parentId;
        Update(details, nowUtc);
        IsActive = true;
        CreatedAtUtc = nowUtc;
    }

    public StationKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Name { get; private set; } = string.Empty;

    /// <summary>The community (社区) it serves, for community stations and the opinions raised there.</summary>
    public string? Community { get; private set; }

    public string Address { get; private set; } = string.Empty;

    /// <summary>Opening hours as the door sign says them (每周一至周五 9:00–11:30).</summary>
    public string OpeningHours { get; private set; } = string.Empty;

    /// <summary>站长: the keeper's account (a station-keeper user of the tenant) and name as shown.</summary>
    public Guid? KeeperUserId { get; private set; }
    public string? KeeperName { get; private set; }

    /// <summary>联络员 and the station's public phone (an office number, not personal data).</summary>
    public string? LiaisonName { get; private set; }
    public string? Phone { get; private set; }

    public bool IsActive { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public void Update(StationDetails details, DateTime nowUtc)
    {
        Name = details.Name.Trim();
        Community = Clean(details.Community);
        Address = details.Address.Trim();
        OpeningHours = details.OpeningHours.Trim();
        KeeperUserId = details.KeeperUserId;
        KeeperName = Clean(details.KeeperName);
        LiaisonName = Clean(details.LiaisonName);
        Phone = Clean(details.Phone);
        UpdatedAtUtc = nowUtc;
    }

    public void MoveUnder(Guid? parentId, DateTime nowUtc)
    {
        if (parentId == Id)
        {
            throw new BusinessRuleException("stations.parent_self", Text.Of("站点不能挂在自己之下。", "A station cannot be its own parent."));
        }
        ParentId = parentId;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Changes the tier; the caller checks <see cref="StationNesting"/> against the parent and the children first.</summary>
    public void ChangeKind(StationKind kind, DateTime nowUtc)
    {
        Kind = kind;
        UpdatedAtUtc = nowUtc;
    }

    public void SetActive(bool active, DateTime nowUtc)
    {
        IsActive = active;
        UpdatedAtUtc = nowUtc;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed record StationDetails(
    string Name, string? Community, string Address, string OpeningHours, Guid? KeeperUserId, string? KeeperName, string? LiaisonName, string? Phone);

/// <summary>
/// A deputy assigned to a station (进站代表). The deputy's name is copied from the Deputies module when assigned
/// (ARCHITECTURE rule 1); the public page shows more only with the deputy's consent, asked of Deputies when shown.
/// </summary>
internal sealed class StationDeputy : TenantOwnedEntity
{
    private StationDeputy()
    {
    }

    public StationDeputy(Guid stationId, Guid deputyId, string deputyName, DateOnly assignedOn)
    {
        StationId = stationId;
        DeputyId = deputyId;
        DeputyName = deputyName;
        AssignedOn = assignedOn;
    }

    public Guid StationId { get; private set; }
    public Guid DeputyId { get; private set; }
    public string DeputyName { get; private set; } = string.Empty;
    public DateOnly AssignedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }

    public bool IsCurrent => EndedOn is null;

    public void End(DateOnly endedOn)
    {
        if (EndedOn is not null)
        {
            throw new BusinessRuleException("stations.assignment_ended", Text.Of("该代表已不在本站。", "The deputy has already left this station."));
        }
        EndedOn = endedOn < AssignedOn ? AssignedOn : endedOn;
    }
}
