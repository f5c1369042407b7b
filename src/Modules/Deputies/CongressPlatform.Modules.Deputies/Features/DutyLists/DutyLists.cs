using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Archive;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.DutyLists;

public sealed record DutyListItemBody(DutyKind Kind, int TargetCount, string? Note);

/// <summary>A planned item and how far the archive says it got: <c>Done</c> counts the year's counting records of that kind.</summary>
public sealed record DutyListItemDto(DutyKind Kind, int TargetCount, string? Note, int Done, bool Completed);

/// <summary>A deputy's duty list (履职清单) of a year in the active scope; <c>Id</c> and <c>Version</c> are null while nothing is planned.</summary>
public sealed record DutyListDto(Guid DeputyId, int Year, Guid? Id, Guid? Version, IReadOnlyList<DutyListItemDto> Items, int PlannedTotal, int DoneTotal);

[RequiresPermission(DeputiesPermissions.DutyListsRead)]
public sealed record GetDutyListQuery(Guid DeputyId, int Year) : IQuery<DutyListDto>;

internal sealed class GetDutyListQueryValidator : AbstractValidator<GetDutyListQuery>
{
    public GetDutyListQueryValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
}

internal sealed class GetDutyListQueryHandler(DeputiesDbContext db) : IRequestHandler<GetDutyListQuery, DutyListDto>
{
    public async Task<DutyListDto> Handle(GetDutyListQuery request, CancellationToken cancellationToken)
    {
        await Timeline.VisibleDeputyAsync(db, request.DeputyId, cancellationToken);
        return await DutyListReader.ReadAsync(db, request.DeputyId, request.Year, cancellationToken);
    }
}

/// <summary>Plans a deputy's year in the active tenant: the items replace the earlier plan. <c>Version</c> is the one last read, or null for a first plan.</summary>
[RequiresPermission(DeputiesPermissions.DutyListsManage)]
public sealed record SaveDutyListCommand(Guid DeputyId, int Year, IReadOnlyList<DutyListItemBody> Items, Guid? Version) : ICommand<DutyListDto>;

public sealed record SaveDutyListBody(IReadOnlyList<DutyListItemBody> Items, Guid? Version)
{
    public SaveDutyListCommand ToCommand(Guid deputyId, int year) => new(deputyId, year, Items, Version);
}

internal sealed class SaveDutyListCommandValidator : AbstractValidator<SaveDutyListCommand>
{
    public SaveDutyListCommandValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
        RuleFor(c => c.Items).NotNull().Must(i => i is null || i.Count <= 20);
        RuleForEach(c => c.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Kind).IsInEnum();
            item.RuleFor(i => i.TargetCount).InclusiveBetween(1, 366);
            item.RuleFor(i => i.Note).MaximumLength(500);
        });
    }
}

internal sealed class SaveDutyListCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<SaveDutyListCommand, DutyListDto>
{
    public async Task<DutyListDto> Handle(SaveDutyListCommand request, CancellationToken cancellationToken)
    {
        await Timeline.VisibleDeputyAsync(db, request.DeputyId, cancellationToken);
        var list = await db.DutyLists.SingleOrDefaultAsync(
            l => l.DeputyId == request.DeputyId && l.Year == request.Year && l.TenantId == db.TenantScope.TenantId, cancellationToken);
        if (list is null)
        {
            list = new DutyList(request.DeputyId, request.Year);
            db.DutyLists.Add(list);
        }
        else
        {
            db.Entry(list).Property(l => l.Version).OriginalValue = request.Version ?? Guid.Empty;
        }
        list.ReplaceItems(request.Items.Select(i => (i.Kind, i.TargetCount, i.Note)), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await DutyListReader.ReadAsync(db, request.DeputyId, request.Year, cancellationToken);
    }
}

internal static class DutyListReader
{
    public static async Task<DutyListDto> ReadAsync(DeputiesDbContext db, Guid deputyId, int year, CancellationToken cancellationToken)
    {
        var list = await db.DutyLists.AsNoTracking()
            .Where(l => l.DeputyId == deputyId && l.Year == year)
            .OrderBy(l => l.TenantId == db.TenantScope.TenantId ? 0 : 1)
            .FirstOrDefaultAsync(cancellationToken);
        var done = await db.DutyTotals.AsNoTracking()
            .Where(t => t.DeputyId == deputyId && t.Year == year)
            .GroupBy(t => t.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Sum(t => t.Count) })
            .ToDictionaryAsync(x => x.Kind, x => x.Count, cancellationToken);
        var items = (list?.Items ?? []).OrderBy(i => i.Kind)
            .Select(i => new DutyListItemDto(i.Kind, i.TargetCount, i.Note, done.GetValueOrDefault(i.Kind), done.GetValueOrDefault(i.Kind) >= i.TargetCount))
            .ToList();
        return new DutyListDto(deputyId, year, list?.Id, list?.Version, items, items.Sum(i => i.TargetCount), items.Sum(i => Math.Min(i.Done, i.TargetCount)));
    }
}
