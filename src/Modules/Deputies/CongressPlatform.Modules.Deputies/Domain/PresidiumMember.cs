using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>
/// A presidium member (主席团成员) of a tenant and the deputies they keep in touch with (主席团成员联系代表制度):
/// 5–7 each; outside that the assignment is saved with a warning. The member is a deputy of the tenant, or a staff
/// member named here (with their account, when known).
/// </summary>
internal sealed class PresidiumMember : TenantOwnedEntity
{
    public const int FewestContacts = 5;
    public const int MostContacts = 7;

    private readonly List<PresidiumContact> _contacts = [];

    private PresidiumMember()
    {
    }

    public PresidiumMember(Guid? memberDeputyId, Guid? memberUserId, string name, IReadOnlyCollection<Guid> deputyIds, DateTime nowUtc)
    {
        if (memberDeputyId is not null && memberUserId is not null)
        {
            throw new BusinessRuleException("deputies.presidium_member",
                Text.Of("主席团成员须为本单位的一名代表或一名工作人员(二选一)。", "The member is either a deputy or a staff member, not both."));
        }
        MemberDeputyId = memberDeputyId;
        MemberUserId = memberUserId;
        Assign(name, deputyIds, nowUtc);
    }

    public Guid? MemberDeputyId { get; private set; }
    public Guid? MemberUserId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public DateTime UpdatedAtUtc { get; private set; }
    public IReadOnlyList<PresidiumContact> Contacts => _contacts;

    public void Assign(string name, IReadOnlyCollection<Guid> deputyIds, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BusinessRuleException("deputies.presidium_name", Text.Of("请填写主席团成员姓名。", "The member needs a name."));
        }
        if (deputyIds.Distinct().Count() != deputyIds.Count)
        {
            throw new BusinessRuleException("deputies.presidium_duplicate", Text.Of("同一名代表只能列入一次。", "A deputy is listed once."));
        }
        if (MemberDeputyId is { } self && deputyIds.Contains(self))
        {
            throw new BusinessRuleException("deputies.presidium_self", Text.Of("主席团成员不能联系自己。", "A member does not keep in touch with themself."));
        }
        Name = name.Trim();
        _contacts.Clear();
        _contacts.AddRange(deputyIds.Select(id => new PresidiumContact(id)));
        UpdatedAtUtc = nowUtc;
    }

    public IReadOnlyList<string> Warnings()
    {
        var count = _contacts.Count;
        return count switch
        {
            < FewestContacts => [Text.Of($"{Name} 联系 {count} 名代表,少于规定的 {FewestContacts} 名。", $"{Name} keeps in touch with {count} deputies, fewer than {FewestContacts}.")],
            > MostContacts => [Text.Of($"{Name} 联系 {count} 名代表,多于规定的 {MostContacts} 名。", $"{Name} keeps in touch with {count} deputies, more than {MostContacts}.")],
            _ => [],
        };
    }
}

internal sealed class PresidiumContact
{
    private PresidiumContact()
    {
    }

    public PresidiumContact(Guid deputyId) => DeputyId = deputyId;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DeputyId { get; private set; }
}
