using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.Archive;

/// <summary>The correction that replaced or withdrew a record.</summary>
public sealed record DutyRecordCorrectionDto(Guid Id, string Reason, bool Withdrawn, DateTime RecordedAtUtc);

/// <summary>
/// One entry of a deputy's timeline. <c>CorrectedBy</c> is set on a record a later correction replaced or withdrew (it
/// no longer counts); <c>CorrectsRecordId</c> on the correction itself. <c>TenantName</c>, the organisation the record
/// belongs to, is set on timeline reads.
/// </summary>
public sealed record DutyRecordDto(
    Guid Id, Guid DeputyId, Guid TenantId, DutyKind Kind, DateOnly OccurredOn, string Title, string SourceModule,
    DutyAttendance Attendance, string? LeaveReason, string? Evidence, string? Beneficiaries, int? BeneficiaryCount, decimal? Amount,
    Guid? CorrectsRecordId, string? CorrectionReason, bool Withdrawn, bool Counts, DutyRecordCorrectionDto? CorrectedBy, DateTime RecordedAtUtc,
    string? TenantName = null)
{
    internal static DutyRecordDto From(DutyRecord r, DutyRecord? correctedBy, string? tenantName = null) => new(
        r.Id, r.DeputyId, r.TenantId, r.Kind, r.OccurredOn, r.Title, r.SourceModule, r.Attendance, r.LeaveReason, r.Evidence,
        r.Beneficiaries, r.BeneficiaryCount, r.Amount, r.CorrectsRecordId, r.CorrectionReason, r.Withdrawn,
        r.Counts && correctedBy is null,
        correctedBy is null ? null : new DutyRecordCorrectionDto(correctedBy.Id, correctedBy.CorrectionReason!, correctedBy.Withdrawn, correctedBy.RecordedAtUtc),
        r.RecordedAtUtc, tenantName);
}

/// <summary>Reads of the archive shared by the staff's and the deputy's own views.</summary>
internal static class Timeline
{
    /// <summary>
    /// The deputy's records, newest first, each with the correction that superseded it and its organisation's name: those
    /// visible in the active scope, or — for the deputy's own archive (<paramref name="everyTenant"/>) — those of every
    /// organisation where they hold or held a seat: one person, one file.
    /// </summary>
    public static async Task<PagedResult<DutyRecordDto>> PageAsync(DeputiesDbContext db, ITenantDirectory directory, Guid deputyId, DutyKind? kind,
        int? page, int? pageSize, CancellationToken cancellationToken, bool everyTenant = false)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var all = everyTenant ? db.DutyRecords.IgnoreQueryFilters() : db.DutyRecords;
        var records = all.AsNoTracking().Where(r => r.DeputyId == deputyId);
        if (kind is { } k)
        {
            records = records.Where(r => r.Kind == k);
        }
        var total = await records.CountAsync(cancellationToken);
        var items = await records
            .OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.RecordedAtUtc).ThenByDescending(r => r.Id)
            .Skip((p - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var ids = items.Select(r => r.Id).ToList();
        var corrections = await all.AsNoTracking()
            .Where(c => c.CorrectsRecordId != null && ids.Contains(c.CorrectsRecordId.Value))
            .ToDictionaryAsync(c => c.CorrectsRecordId!.Value, cancellationToken);
        var names = await directory.NamesAsync(items.Select(r => r.TenantId), cancellationToken);
        return new PagedResult<DutyRecordDto>(
            items.Select(r => DutyRecordDto.From(r, corrections.GetValueOrDefault(r.Id), names[r.TenantId])).ToList(), total, p, size);
    }

    /// <summary>The deputy, if the active scope sees them (a seat here or below), or not found.</summary>
    public static async Task<Deputy> VisibleDeputyAsync(DeputiesDbContext db, Guid deputyId, CancellationToken cancellationToken) =>
        await db.VisibleDeputies.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deputyId, cancellationToken)
        ?? throw NotFoundException.For("代表", "deputy");
}
