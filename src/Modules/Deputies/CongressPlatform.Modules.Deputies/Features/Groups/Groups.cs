using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.Groups;

public sealed record GroupMemberDto(Guid DeputyId, string Name, GroupRole Role);

/// <summary>A deputy group with its members (leader first) and the warnings the office should see (size outside 14–24).</summary>
public sealed record GroupDto(Guid Id, Guid TenantId, string Name, Guid Version, int MemberCount, IReadOnlyList<GroupMemberDto> Members, IReadOnlyList<string> Warnings);

/// <summary>The deputy groups (代表小组) of the active scope, by name.</summary>
[RequiresPermission(DeputiesPermissions.GroupsRead)]
public sealed record ListGroupsQuery : IQuery<IReadOnlyList<GroupDto>>;

internal sealed class ListGroupsQueryHandler(DeputiesDbContext db) : IRequestHandler<ListGroupsQuery, IReadOnlyList<GroupDto>>
{
    public async Task<IReadOnlyList<GroupDto>> Handle(ListGroupsQuery request, CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(cancellationToken);
        return await GroupRules.ToDtosAsync(db, groups, cancellationToken);
    }
}

/// <summary>Creates a group in the active tenant: a leader, one or two vice leaders, the members.</summary>
[RequiresPermission(DeputiesPermissions.GroupsManage)]
public sealed record CreateGroupCommand(string Name, Guid LeaderId, IReadOnlyList<Guid> ViceLeaderIds, IReadOnlyList<Guid> MemberIds) : ICommand<GroupDto>;

/// <summary>Renames a group or changes who is in it. <c>Version</c> is the one last read.</summary>
[RequiresPermission(DeputiesPermissions.GroupsManage)]
public sealed record UpdateGroupCommand(Guid Id, string Name, Guid LeaderId, IReadOnlyList<Guid> ViceLeaderIds, IReadOnlyList<Guid> MemberIds, Guid Version)
    : ICommand<GroupDto>;

public sealed record UpdateGroupBody(string Name, Guid LeaderId, IReadOnlyList<Guid> ViceLeaderIds, IReadOnlyList<Guid> MemberIds, Guid Version)
{
    public UpdateGroupCommand ToCommand(Guid id) => new(id, Name, LeaderId, ViceLeaderIds, MemberIds, Version);
}

/// <summary>Dissolves a group; its members are then in no group (their records stay).</summary>
[RequiresPermission(DeputiesPermissions.GroupsManage)]
public sealed record DeleteGroupCommand(Guid Id) : ICommand<Unit>;

internal sealed class CreateGroupCommandValidator : AbstractValidator<CreateGroupCommand>
{
    public CreateGroupCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.LeaderId).NotEmpty();
        RuleFor(c => c.ViceLeaderIds).NotNull();
        RuleFor(c => c.MemberIds).NotNull().Must(m => m is null || m.Count <= 200);
    }
}

internal sealed class UpdateGroupCommandValidator : AbstractValidator<UpdateGroupCommand>
{
    public UpdateGroupCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.LeaderId).NotEmpty();
        RuleFor(c => c.ViceLeaderIds).NotNull();
        RuleFor(c => c.MemberIds).NotNull().Must(m => m is null || m.Count <= 200);
        RuleFor(c => c.Version).NotEmpty();
    }
}

internal sealed class CreateGroupCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<CreateGroupCommand, GroupDto>
{
    public async Task<GroupDto> Handle(CreateGroupCommand request, CancellationToken cancellationToken)
    {
        var group = new DeputyGroup(request.Name, request.LeaderId, request.ViceLeaderIds, request.MemberIds, clock.GetUtcNow().UtcDateTime);
        db.Groups.Add(group);
        await GroupRules.CheckAsync(db, group, db.TenantScope.TenantId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await GroupRules.ToDtosAsync(db, [group], cancellationToken))[0];
    }
}

internal sealed class UpdateGroupCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<UpdateGroupCommand, GroupDto>
{
    public async Task<GroupDto> Handle(UpdateGroupCommand request, CancellationToken cancellationToken)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("代表小组", "deputy group");
        db.Entry(group).Property(g => g.Version).OriginalValue = request.Version;
        group.Change(request.Name, request.LeaderId, request.ViceLeaderIds, request.MemberIds, clock.GetUtcNow().UtcDateTime);
        await GroupRules.CheckAsync(db, group, group.TenantId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await GroupRules.ToDtosAsync(db, [group], cancellationToken))[0];
    }
}

internal sealed class DeleteGroupCommandHandler(DeputiesDbContext db) : IRequestHandler<DeleteGroupCommand, Unit>
{
    public async Task<Unit> Handle(DeleteGroupCommand request, CancellationToken cancellationToken)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("代表小组", "deputy group");
        db.Groups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Group rules that need the database, and the group-membership helper the registry's list filter uses.</summary>
internal static class GroupRules
{
    /// <summary>The deputies of a group (for the registry's "by group" filter): an empty set for a group the scope does not see.</summary>
    public static IQueryable<Guid> MembersOf(DeputiesDbContext db, Guid groupId) =>
        db.Groups.Where(g => g.Id == groupId).SelectMany(g => g.Members.Select(m => m.DeputyId));

    /// <summary>Every member is a deputy this tenant sees, and in no other group of the tenant.</summary>
    public static async Task CheckAsync(DeputiesDbContext db, DeputyGroup group, Guid tenantId, CancellationToken cancellationToken)
    {
        var ids = group.Members.Select(m => m.DeputyId).ToList();
        var visible = await db.VisibleDeputies.Where(d => ids.Contains(d.Id)).CountAsync(cancellationToken);
        if (visible != ids.Count)
        {
            throw new BusinessRuleException("deputies.group_unknown_deputy", Text.Of("小组成员须为本单位的代表。", "Group members are deputies of this organisation."));
        }
        var others = await db.Groups.AsNoTracking()
            .Where(g => g.TenantId == tenantId && g.Id != group.Id && g.Members.Any(m => ids.Contains(m.DeputyId)))
            .ToListAsync(cancellationToken);
        var taken = others.SelectMany(g => g.Members.Where(m => ids.Contains(m.DeputyId)).Select(m => new { m.DeputyId, g.Name })).FirstOrDefault();
        if (taken is not null)
        {
            var name = await db.Deputies.Where(d => d.Id == taken.DeputyId).Select(d => d.Name).SingleAsync(cancellationToken);
            throw new BusinessRuleException("deputies.group_member_taken",
                Text.Of($"{name} 已是“{taken.Name}”的成员,一名代表在本单位只能加入一个小组。", $"{name} is already in '{taken.Name}'; a deputy is in one group per organisation."));
        }
    }

    public static async Task<IReadOnlyList<GroupDto>> ToDtosAsync(DeputiesDbContext db, IReadOnlyList<DeputyGroup> groups, CancellationToken cancellationToken)
    {
        var ids = groups.SelectMany(g => g.Members.Select(m => m.DeputyId)).Distinct().ToList();
        var names = await db.Deputies.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return groups.Select(g => new GroupDto(g.Id, g.TenantId, g.Name, g.Version, g.Members.Count,
            g.Members.OrderBy(m => m.Role).ThenBy(m => names.GetValueOrDefault(m.DeputyId), StringComparer.Ordinal)
                .Select(m => new GroupMemberDto(m.DeputyId, names.GetValueOrDefault(m.DeputyId) ?? string.Empty, m.Role)).ToList(),
            g.Warnings())).ToList();
    }
}
