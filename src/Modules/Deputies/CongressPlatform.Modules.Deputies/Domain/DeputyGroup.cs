using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

public enum GroupRole
{
    /// <summary>组长</summary>
    Leader = 0,

    /// <summary>副组长</summary>
    ViceLeader = 1,

    /// <summary>组员</summary>
    Member = 2,
}

/// <summary>
/// A deputy group (代表小组) of one tenant: a leader, one or two vice leaders and the members. A deputy belongs to at
/// most one group of a tenant (the handler checks the tenant's other groups). Outside 14–24 members the group is
/// saved with a warning, never refused: a small township may have fewer deputies.
/// </summary>
internal sealed class DeputyGroup : TenantOwnedEntity
{
    public const int FewestMembers = 14;
    public const int MostMembers = 24;

    private readonly List<GroupMember> _members = [];

    private DeputyGroup()
    {
    }

    public DeputyGroup(string name, Guid leaderId, IReadOnlyCollection<Guid> viceLeaderIds, IReadOnlyCollection<Guid> memberIds, DateTime nowUtc)
    {
        Change(name, leaderId, viceLeaderIds, memberIds, nowUtc);
    }

    public string Name { get; private set; } = string.Empty;
    public DateTime UpdatedAtUtc { get; private set; }
    public IReadOnlyList<GroupMember> Members => _members;

    public void Change(string name, Guid leaderId, IReadOnlyCollection<Guid> viceLeaderIds, IReadOnlyCollection<Guid> memberIds, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BusinessRuleException("deputies.group_name", Text.Of("请填写小组名称。", "The group needs a name."));
        }
        if (viceLeaderIds.Count is < 1 or > 2)
        {
            throw new BusinessRuleException("deputies.group_vice_leaders", Text.Of("代表小组须有一至两名副组长。", "A group has one or two vice leaders."));
        }
        var everyone = new[] { leaderId }.Concat(viceLeaderIds).Concat(memberIds).ToList();
        if (everyone.Distinct().Count() != everyone.Count)
        {
            throw new BusinessRuleException("deputies.group_duplicate_member",
                Text.Of("同一名代表在小组中只能出现一次(组长、副组长不再列为组员)。", "A deputy appears once in a group (leaders are not listed again as members)."));
        }
        Name = name.Trim();
        _members.Clear();
        _members.Add(new GroupMember(leaderId, GroupRole.Leader));
        _members.AddRange(viceLeaderIds.Select(id => new GroupMember(id, GroupRole.ViceLeader)));
        _members.AddRange(memberIds.Select(id => new GroupMember(id, GroupRole.Member)));
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>What the office should know but may accept: a size outside 14–24.</summary>
    public IReadOnlyList<string> Warnings()
    {
        var count = _members.Count;
        return count switch
        {
            < FewestMembers => [Text.Of($"小组现有 {count} 名代表,少于建议的 {FewestMembers} 名。", $"The group has {count} deputies, fewer than the recommended {FewestMembers}.")],
            > MostMembers => [Text.Of($"小组现有 {count} 名代表,多于建议的 {MostMembers} 名。", $"The group has {count} deputies, more than the recommended {MostMembers}.")],
            _ => [],
        };
    }
}

internal sealed class GroupMember
{
    private GroupMember()
    {
    }

    public GroupMember(Guid deputyId, GroupRole role)
    {
        DeputyId = deputyId;
        Role = role;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DeputyId { get; private set; }
    public GroupRole Role { get; private set; }
}
