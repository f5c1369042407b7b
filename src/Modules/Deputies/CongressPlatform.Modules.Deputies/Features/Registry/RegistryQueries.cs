using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Groups;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.Registry;

/// <summary>
/// The registry list's filter, shared by the list and its export. Seat conditions (level, status, term) hold for one
/// seat visible in the caller's tenant; a group is one of the tenant's groups; the points band is the deputy's duty
/// points in <see cref="PointsYear"/> as this tenant sees them (its totals, its subtree's for a supervisor), bounds
/// included; <see cref="DeputyIds"/> narrows to given persons (a station's deputies, resolved by the caller).
/// </summary>
internal sealed record DeputyListFilter(
    string? Search, SeatLevel? Level, SeatStatus? Status, int? Term,
    Guid? GroupId = null, int? PointsYear = null, int? MinPoints = null, int? MaxPoints = null, IReadOnlyCollection<Guid>? DeputyIds = null)
{
    public bool HasPointsBand => MinPoints is not null || MaxPoints is not null;
}

/// <summary>What the registry's reads share: the visible deputies, their order and their views.</summary>
internal static class RegistryQueries
{
    /// <summary>
    /// Deputies with a seat the active tenant organises or supervises (the seats' named filters decide) that meets the
    /// filter; searched by name, or by mobile when the search is digits.
    /// </summary>
    public static IQueryable<Deputy> Visible(DeputiesDbContext db, DeputyListFilter filter)
    {
        var seats = SeatsMatching(db, filter);
        var deputies = db.Deputies.AsNoTracking().Where(d => seats.Any(s => s.DeputyId == d.Id));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            deputies = search.All(char.IsAsciiDigit)
                ? deputies.Where(d => d.Mobile.Contains(search))
                : deputies.Where(d => d.Name.Contains(search));
        }
        // The street's list on PostgreSQL: walks the name index to its page instead of reading every seat of the street.
        return db.WithLeanTenantFilters(deputies);
    }

    /// <summary>
    /// How many deputies <see cref="Visible"/> holds. Without a search it counts the distinct persons of the matching
    /// seats — the scope's few hundred seats, not every person tested for a visible seat (the list's main cost at
    /// 5,000 deputies; docs/performance.md §F).
    /// </summary>
    public static Task<int> CountAsync(DeputiesDbContext db, DeputyListFilter filter, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(filter.Search)
            ? db.WithLeanTenantFilters(SeatsMatching(db, filter)).Select(s => s.DeputyId).Distinct().CountAsync(cancellationToken)
            : Visible(db, filter).CountAsync(cancellationToken);

    /// <summary>The visible seats meeting the filter's seat conditions, of persons meeting its group, points and id conditions.</summary>
    private static IQueryable<Seat> SeatsMatching(DeputiesDbContext db, DeputyListFilter filter)
    {
        var seats = db.Seats.AsNoTracking();
        if (filter.Level is { } level)
        {
            seats = seats.Where(s => s.Level == level);
        }
        if (filter.Status is { } status)
        {
            seats = seats.Where(s => s.Status == status);
        }
        if (filter.Term is { } term)
        {
            seats = seats.Where(s => s.Term == term);
        }
        if (filter.GroupId is { } groupId)
        {
            var members = GroupRules.MembersOf(db, groupId);
            seats = seats.Where(s => members.Contains(s.DeputyId));
        }
        if (filter.DeputyIds is { } ids)
        {
            seats = seats.Where(s => ids.Contains(s.DeputyId));
        }
        if (filter.HasPointsBand)
        {
            var year = filter.PointsYear ?? throw new InvalidOperationException("A points band needs its year.");
            var totals = db.DutyTotals.AsNoTracking().Where(t => t.Year == year);
            if (filter.MinPoints is { } min)
            {
                seats = seats.Where(s => (totals.Where(t => t.DeputyId == s.DeputyId).Sum(t => (int?)t.Points) ?? 0) >= min);
            }
            if (filter.MaxPoints is { } max)
            {
                seats = seats.Where(s => (totals.Where(t => t.DeputyId == s.DeputyId).Sum(t => (int?)t.Points) ?? 0) <= max);
            }
        }
        return seats;
    }

    /// <summary>The list's order: by name, then id (stable pages).</summary>
    public static IQueryable<Deputy> InListOrder(IQueryable<Deputy> deputies) => deputies.OrderBy(d => d.Name).ThenBy(d => d.Id);

    /// <summary>The visible seats of the given deputies, by deputy, with tenant names.</summary>
    public static async Task<ILookup<Guid, SeatDto>> SeatsAsync(
        DeputiesDbContext db, ITenantDirectory directory, IReadOnlyCollection<Guid> deputyIds, CancellationToken cancellationToken)
    {
        var seats = await db.Seats.AsNoTracking().Where(s => deputyIds.Contains(s.DeputyId))
            .OrderBy(s => s.Status).ThenByDescending(s => s.Level).ThenByDescending(s => s.ElectedOn)
            .ToListAsync(cancellationToken);
        var names = await directory.NamesAsync(seats.Select(s => s.TenantId), cancellationToken);
        return seats.ToLookup(s => s.DeputyId, s => new SeatDto(
            s.Id, s.TenantId, names[s.TenantId], s.Level, s.Term, s.Constituency, s.ElectedOn, s.ByElection, s.Status, s.EndedOn, s.EndReason, s.Version));
    }

    /// <summary>
    /// One page of the list in one statement: the page's persons (only the columns a row shows) with their visible seats,
    /// joined to the page in the database instead of a second query for the page's ids. Same rows, order and seats as
    /// <see cref="InListOrder"/> and <see cref="SeatsAsync"/>; <see cref="ToItemsAsync"/> makes them the list's items.
    /// </summary>
    public static Task<List<PageRow>> PageRowsAsync(IQueryable<Deputy> deputies, int skip, int take, CancellationToken cancellationToken) =>
        PageQuery(deputies, skip, take).ToListAsync(cancellationToken);

    /// <summary>The list's items of a page's rows: tenant names from the directory's cache, the mobile masked.</summary>
    public static async Task<List<DeputyListItemDto>> ToItemsAsync(ITenantDirectory directory, IReadOnlyList<PageRow> rows, CancellationToken cancellationToken)
    {
        var names = await directory.NamesAsync(rows.SelectMany(r => r.Seats).Select(s => s.TenantId), cancellationToken);
        return rows.Select(row => new DeputyListItemDto(row.Id, row.Name, row.Gender, row.Party, row.Occupation, row.WorkUnit,
            ContactMasking.Mobile(row.Mobile), row.Invited,
            row.Seats.Select(s => new SeatDto(s.Id, s.TenantId, names[s.TenantId], s.Level, s.Term, s.Constituency, s.ElectedOn, s.ByElection,
                s.Status, s.EndedOn, s.EndReason, s.Version)).ToList())).ToList();
    }

    /// <summary>
    /// The page's rows; <c>d.Seats</c> is restricted by the seats' named tenant filters like every read of seats.
    /// The page size is written into the SQL and the first page has no OFFSET (<see cref="InlinedPaging"/>): PostgreSQL
    /// plans the first page once instead of on every request, a third of the statement's cost (docs/performance.md §F.5).
    /// </summary>
    private static IQueryable<PageRow> PageQuery(IQueryable<Deputy> deputies, int skip, int take) =>
        InListOrder(deputies).PageInlined(skip, take).Select(d => new PageRow(
            d.Id, d.Name, d.Gender, d.Party, d.Occupation, d.WorkUnit, d.Mobile, d.UserId != null,
            d.Seats
                .OrderBy(s => s.Status).ThenByDescending(s => s.Level).ThenByDescending(s => s.ElectedOn).ThenBy(s => s.Id)
                .Select(s => new SeatRow(s.Id, s.TenantId, s.Level, s.Term, s.Constituency, s.ElectedOn, s.ByElection, s.Status, s.EndedOn, s.EndReason, s.Version))
                .ToList())).AsNoTracking();

    /// <summary>A row of the list as read (the mobile not yet masked, tenants by id).</summary>
    internal sealed record PageRow(
        Guid Id, string Name, Gender Gender, string Party, string? Occupation, string? WorkUnit, string Mobile, bool Invited, List<SeatRow> Seats);

    internal sealed record SeatRow(
        Guid Id, Guid TenantId, SeatLevel Level, int Term, string Constituency, DateOnly ElectedOn, bool ByElection,
        SeatStatus Status, DateOnly? EndedOn, string? EndReason, Guid Version);

    /// <summary>The profile of a deputy visible in the caller's tenant; anyone else's is "not found".</summary>
    public static async Task<DeputyDto> ProfileAsync(DeputiesDbContext db, ITenantDirectory directory, Guid id, CancellationToken cancellationToken)
    {
        var deputy = await db.VisibleDeputies.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw NotFound();
        var seats = await SeatsAsync(db, directory, [id], cancellationToken);
        var history = await db.Consents.AsNoTracking().Where(c => c.DeputyId == id).ToListAsync(cancellationToken);
        var ordered = history.OrderByDescending(c => c.RecordedAtUtc).ThenByDescending(c => c.Id).ToList();
        var states = Enum.GetValues<ConsentItem>().Select(item =>
        {
            var latest = ordered.FirstOrDefault(c => c.Item == item);
            return new ConsentStateDto(item, latest?.Granted ?? false, latest?.RecordedAtUtc);
        }).ToList();
        return new DeputyDto(
            deputy.Id, deputy.Name, deputy.Gender, deputy.Ethnicity, deputy.BirthYear, deputy.Party, deputy.Education, deputy.Occupation,
            deputy.WorkUnit, ContactMasking.Mobile(deputy.Mobile), ContactMasking.Email(deputy.Email), deputy.PhotoAttachmentId, deputy.UserId,
            deputy.InvitedAtUtc, deputy.CreatedAtUtc, deputy.UpdatedAtUtc, deputy.Version,
            seats[id].ToList(), states,
            ordered.Select(c => new ConsentRecordDto(c.Id, c.Item, c.Granted, c.Note, c.RecordedByName, c.RecordedAtUtc)).ToList());
    }

    /// <summary>A deputy visible in the caller's tenant, tracked, with the seats visible here; anyone else's is "not found".</summary>
    public static async Task<Deputy> FindVisibleAsync(DeputiesDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.VisibleDeputies.Include(d => d.Seats).SingleOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw NotFound();

    public static NotFoundException NotFound() => NotFoundException.For("代表", "deputy");

    /// <summary>
    /// The tenant a new seat is organised by: the active one, or — for a supervisor — one of its subtree. Anything else
    /// is "not found", as if it did not exist.
    /// </summary>
    public static async Task<TenantInfo> SeatTenantAsync(ITenantContext scope, ITenantDirectory directory, Guid? tenantId, CancellationToken cancellationToken)
    {
        var tenant = await directory.FindAsync(tenantId ?? scope.TenantId, cancellationToken);
        if (tenant is null || !tenant.IsActive || !scope.Covers(tenant.Id, tenant.Path))
        {
            throw NotFoundException.For("单位", "organisation");
        }
        return tenant;
    }
}
