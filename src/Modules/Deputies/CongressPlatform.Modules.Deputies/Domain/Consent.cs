using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>What a deputy may consent to publish on public pages (联络站公示: 姓名 is always public).</summary>
public enum ConsentItem
{
    /// <summary>手机号</summary>
    Phone = 0,

    /// <summary>电子邮箱</summary>
    Email = 1,

    /// <summary>照片</summary>
    Photo = 2,

    /// <summary>工作单位</summary>
    WorkUnit = 3,
}

/// <summary>
/// One entry of a deputy's consent history: the deputy granted or revoked publishing one item, recorded by staff on a
/// given day with a note (the signed form, the phone call). Append-only: the current state of an item is its newest
/// entry; no entry means not consented. Belongs to the person, like the consent itself, not to a tenant.
/// </summary>
internal sealed class ConsentRecord : Entity
{
    private ConsentRecord()
    {
    }

    public ConsentRecord(Guid deputyId, ConsentItem item, bool granted, string? note, Guid? recordedBy, string recordedByName, Guid recordedInTenantId, DateTime nowUtc)
    {
        DeputyId = deputyId;
        Item = item;
        Granted = granted;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedBy = recordedBy;
        RecordedByName = recordedByName;
        RecordedInTenantId = recordedInTenantId;
        RecordedAtUtc = nowUtc;
    }

    public Guid DeputyId { get; private set; }
    public ConsentItem Item { get; private set; }
    public bool Granted { get; private set; }
    public string? Note { get; private set; }
    public Guid? RecordedBy { get; private set; }
    public string RecordedByName { get; private set; } = string.Empty;
    public Guid RecordedInTenantId { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>The items currently consented: each item's newest entry, granted.</summary>
    public static IReadOnlySet<ConsentItem> Current(IEnumerable<ConsentRecord> history) =>
        history.GroupBy(r => r.Item)
            .Where(g => g.OrderByDescending(r => r.RecordedAtUtc).ThenByDescending(r => r.Id).First().Granted)
            .Select(g => g.Key)
            .ToHashSet();
}
