using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.Presidium;

public sealed record ContactedDeputyDto(Guid DeputyId, string Name);

/// <summary>A presidium member and the deputies they keep in touch with, with a warning outside 5–7.</summary>
public sealed record PresidiumMemberDto(Guid Id, Guid TenantId, Guid? MemberDeputyId, Guid? MemberUserId, string Name, Guid Version,
    IReadOnlyList<ContactedDeputyDto> Deputies, IReadOnlyList<string> Warnings);

/// <summary>The presidium members of the active scope and whom each keeps in touch with (主席团成员联系代表).</summary>
[RequiresPermission(DeputiesPermissions.PresidiumContactsRead)]
public sealed record ListPresidiumContactsQuery : IQuery<IReadOnlyList<PresidiumMemberDto>>;

internal sealed class ListPresidiumContactsQueryHandler(DeputiesDbContext db) : IRequestHandler<ListPresidiumContactsQuery, IReadOnlyList<PresidiumMemberDto>>
{
    public async Task<IReadOnlyList<PresidiumMemberDto>> Handle(ListPresidiumContactsQuery request, CancellationToken cancellationToken)
    {
        var members = await db.PresidiumMembers.AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return await PresidiumRules.ToDtosAsync(db, members, cancellationToken);
    }
}

/// <summary>
/// Adds a presidium member of the active tenant — a deputy of the tenant (<c>MemberDeputyId</c>) or a staff member
/// (<c>Name</c>, and <c>MemberUserId</c> when their account is known) — with the deputies assigned to them.
/// </summary>
[RequiresPermission(DeputiesPermissions.PresidiumContactsManage)]
public sealed record CreatePresidiumMemberCommand(Guid? MemberDeputyId, Guid? MemberUserId, string? Name, IReadOnlyList<Guid> DeputyIds) : ICommand<PresidiumMemberDto>;

/// <summary>Changes whom a presidium member keeps in touch with. <c>Version</c> is the one last read.</summary>
[RequiresPermission(DeputiesPermissions.PresidiumContactsManage)]
public sealed record UpdatePresidiumContactsCommand(Guid Id, IReadOnlyList<Guid> DeputyIds, Guid Version) : ICommand<PresidiumMemberDto>;

public sealed record UpdatePresidiumContactsBody(IReadOnlyList<Guid> DeputyIds, Guid Version)
{
    public UpdatePresidiumContactsCommand ToCommand(Guid id) => new(id, DeputyIds, Version);
}

[RequiresPermission(DeputiesPermissions.PresidiumContactsManage)]
public sealed record DeletePresidiumMemberCommand(Guid Id) : ICommand<Unit>;

internal sealed class CreatePresidiumMemberCommandValidator : AbstractValidator<CreatePresidiumMemberCommand>
{
    public CreatePresidiumMemberCommandValidator()
    {
        RuleFor(c => c.DeputyIds).NotNull().Must(d => d is null || d.Count <= 50);
        RuleFor(c => c.Name).NotEmpty().MaximumLength(50).When(c => !c.MemberDeputyId.HasValue)
            .WithMessage(_ => Text.Of("请填写工作人员姓名。", "Give the staff member's name."));
    }
}

internal sealed class UpdatePresidiumContactsCommandValidator : AbstractValidator<UpdatePresidiumContactsCommand>
{
    public UpdatePresidiumContactsCommandValidator()
    {
        RuleFor(c => c.DeputyIds).NotNull().Must(d => d is null || d.Count <= 50);
        RuleFor(c => c.Version).NotEmpty();
    }
}

internal sealed class CreatePresidiumMemberCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<CreatePresidiumMemberCommand, PresidiumMemberDto>
{
    public async Task<PresidiumMemberDto> Handle(CreatePresidiumMemberCommand request, CancellationToken cancellationToken)
    {
        var name = request.Name;
        if (request.MemberDeputyId is { } deputyId)
        {
            name = await db.VisibleDeputies.Where(d => d.Id == deputyId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new BusinessRuleException("deputies.presidium_unknown_deputy", Text.Of("主席团成员须为本单位的代表。", "The member is a deputy of this organisation."));
            if (await db.PresidiumMembers.AnyAsync(m => m.MemberDeputyId == deputyId && m.TenantId == db.TenantScope.TenantId, cancellationToken))
            {
                throw new ConflictException("deputies.presidium_exists", Text.Of($"{name} 已是主席团成员。", $"{name} is already a presidium member."));
            }
        }
        var member = new PresidiumMember(request.MemberDeputyId, request.MemberUserId, name ?? string.Empty, request.DeputyIds, clock.GetUtcNow().UtcDateTime);
        await PresidiumRules.CheckAsync(db, request.DeputyIds, cancellationToken);
        db.PresidiumMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return (await PresidiumRules.ToDtosAsync(db, [member], cancellationToken))[0];
    }
}

internal sealed class UpdatePresidiumContactsCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<UpdatePresidiumContactsCommand, PresidiumMemberDto>
{
    public async Task<PresidiumMemberDto> Handle(UpdatePresidiumContactsCommand request, CancellationToken cancellationToken)
    {
        var member = await db.PresidiumMembers.SingleOrDefaultAsync(m => m.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("主席团成员", "presidium member");
        db.Entry(member).Property(m => m.Version).OriginalValue = request.Version;
        member.Assign(member.Name, request.DeputyIds, clock.GetUtcNow().UtcDateTime);
        await PresidiumRules.CheckAsync(db, request.DeputyIds, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await PresidiumRules.ToDtosAsync(db, [member], cancellationToken))[0];
    }
}

internal sealed class DeletePresidiumMemberCommandHandler(DeputiesDbContext db) : IRequestHandler<DeletePresidiumMemberCommand, Unit>
{
    public async Task<Unit> Handle(DeletePresidiumMemberCommand request, CancellationToken cancellationToken)
    {
        var member = await db.PresidiumMembers.SingleOrDefaultAsync(m => m.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("主席团成员", "presidium member");
        db.PresidiumMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class PresidiumRules
{
    public static async Task CheckAsync(DeputiesDbContext db, IReadOnlyList<Guid> deputyIds, CancellationToken cancellationToken)
    {
        var ids = deputyIds.Distinct().ToList();
        if (await db.VisibleDeputies.CountAsync(d => ids.Contains(d.Id), cancellationToken) != ids.Count)
        {
            throw new BusinessRuleException("deputies.presidium_unknown_deputy", Text.Of("联系的代表须为本单位的代表。", "The deputies are deputies of this organisation."));
        }
    }

    public static async Task<IReadOnlyList<PresidiumMemberDto>> ToDtosAsync(DeputiesDbContext db, IReadOnlyList<PresidiumMember> members, CancellationToken cancellationToken)
    {
        var ids = members.SelectMany(m => m.Contacts.Select(c => c.DeputyId)).Distinct().ToList();
        var names = await db.Deputies.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return members.Select(m => new PresidiumMemberDto(m.Id, m.TenantId, m.MemberDeputyId, m.MemberUserId, m.Name, m.Version,
            m.Contacts.Select(c => new ContactedDeputyDto(c.DeputyId, names.GetValueOrDefault(c.DeputyId) ?? string.Empty))
                .OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
            m.Warnings())).ToList();
    }
}
