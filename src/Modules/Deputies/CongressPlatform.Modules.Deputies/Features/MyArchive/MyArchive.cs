using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Archive;
using CongressPlatform.Modules.Deputies.Features.DutyLists;
using CongressPlatform.Modules.Deputies.Features.Rankings;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.MyArchive;

/// <summary>
/// What a deputy sees first (我的履职档案): who they are here, their points and place in the active tenant's ranking of
/// the year, and how many records, leaves and absences the year has. <c>Linked</c> is false (and the rest empty) while
/// the caller's account has no deputy file in the active tenant: the page says so instead of failing.
/// </summary>
public sealed record MyArchiveDto(bool Linked, Guid? DeputyId, string Name, string Party, string? WorkUnit, string TenantName, int Year, int Points,
    IReadOnlyList<KindPointsDto> ByKind, int? Rank, int RankedCount, IReadOnlyList<PolicyUsedDto> Policies, int Records, int Leaves, int Absences);

/// <summary>The signed-in user's own archive summary for a year (default: this year, Beijing time).</summary>
[RequiresPermission(DeputiesPermissions.MyArchiveRead)]
public sealed record GetMyArchiveQuery(int? Year) : IQuery<MyArchiveDto>;

/// <summary>The signed-in deputy's own records, newest first.</summary>
[RequiresPermission(DeputiesPermissions.MyArchiveRead)]
public sealed record ListMyDutyRecordsQuery(DutyKind? Kind, int? Page, int? PageSize) : IQuery<PagedResult<DutyRecordDto>>;

/// <summary>The signed-in deputy's own duty list of a year.</summary>
[RequiresPermission(DeputiesPermissions.MyArchiveRead)]
public sealed record GetMyDutyListQuery(int? Year) : IQuery<DutyListDto>;

internal sealed class GetMyArchiveQueryValidator : AbstractValidator<GetMyArchiveQuery>
{
    public GetMyArchiveQueryValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2100).When(q => q.Year.HasValue);
}

internal sealed class GetMyDutyListQueryValidator : AbstractValidator<GetMyDutyListQuery>
{
    public GetMyDutyListQueryValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2100).When(q => q.Year.HasValue);
}

internal sealed class GetMyArchiveQueryHandler(DeputiesDbContext db, ICurrentUser user, ITenantContext scope, RankingBuilder rankings, TimeProvider clock)
    : IRequestHandler<GetMyArchiveQuery, MyArchiveDto>
{
    public async Task<MyArchiveDto> Handle(GetMyArchiveQuery request, CancellationToken cancellationToken)
    {
        var year = request.Year ?? ChinaTime.Today(clock).Year;
        var me = await MyDeputy.FindOrNullAsync(db, user, cancellationToken);
        if (me is null)
        {
            return new MyArchiveDto(false, null, user.DisplayName, string.Empty, null, scope.TenantName, year, 0, [], null, 0, [], 0, 0, 0);
        }
        var ranking = await rankings.DeputiesAsync(year, null, scope.TenantId, null, cancellationToken);
        var mine = ranking.Entries.FirstOrDefault(e => e.DeputyId == me.Id);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var attendance = await db.DutyRecords.AsNoTracking()
            .Where(r => r.DeputyId == me.Id && r.OccurredOn >= first && r.OccurredOn <= last && r.CorrectsRecordId == null)
            .GroupBy(r => r.Attendance).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return new MyArchiveDto(true, me.Id, me.Name, me.Party, me.WorkUnit, scope.TenantName, year, mine?.Total ?? 0, mine?.ByKind ?? [],
            mine?.Rank, ranking.Count, ranking.Policies, attendance.Values.Sum(), attendance.GetValueOrDefault(DutyAttendance.Leave),
            attendance.GetValueOrDefault(DutyAttendance.Absent));
    }
}

internal sealed class ListMyDutyRecordsQueryHandler(DeputiesDbContext db, ICurrentUser user, ITenantDirectory directory) : IRequestHandler<ListMyDutyRecordsQuery, PagedResult<DutyRecordDto>>
{
    public async Task<PagedResult<DutyRecordDto>> Handle(ListMyDutyRecordsQuery request, CancellationToken cancellationToken)
    {
        var me = await MyDeputy.FindAsync(db, user, cancellationToken);
        return await Timeline.PageAsync(db, directory, me.Id, request.Kind, request.Page, request.PageSize, cancellationToken, everyTenant: true);
    }
}

internal sealed class GetMyDutyListQueryHandler(DeputiesDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetMyDutyListQuery, DutyListDto>
{
    public async Task<DutyListDto> Handle(GetMyDutyListQuery request, CancellationToken cancellationToken)
    {
        var me = await MyDeputy.FindAsync(db, user, cancellationToken);
        return await DutyListReader.ReadAsync(db, me.Id, request.Year ?? ChinaTime.Today(clock).Year, cancellationToken);
    }
}

internal static class MyDeputy
{
    /// <summary>The deputy whose account is the caller's (<see cref="Deputy.UserId"/>), with a seat in the active scope.</summary>
    public static async Task<Deputy> FindAsync(DeputiesDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        await FindOrNullAsync(db, user, cancellationToken)
            ?? throw new NotFoundException("deputies.not_a_deputy",
                Text.Of("您的账号尚未关联本单位的代表档案,请联系人大工作人员。", "Your account is not linked to a deputy of this organisation; ask the office."));

    public static async Task<Deputy?> FindOrNullAsync(DeputiesDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        return await db.VisibleDeputies.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == userId, cancellationToken);
    }
}
