using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Audit.Features;

/// <summary>
/// The result of recomputing the chain from the retention checkpoint to the head. <see cref="FirstBrokenSeq"/> is the
/// first entry that is missing, out of order, or whose fields no longer give its hash (null when all is intact).
/// </summary>
public sealed record AuditVerificationDto(
    bool Intact, long FromSeq, long ToSeq, int Checked, long? FirstBrokenSeq, string Message, DateTime VerifiedAtUtc);

/// <summary>Recomputes every hash of the chain (ADR 0019). Reads only; open to the audit administrator.</summary>
[RequiresPermission(PlatformPermissions.AuditRead)]
public sealed record VerifyAuditChainQuery : IQuery<AuditVerificationDto>;

internal sealed class VerifyAuditChainQueryHandler(AuditDbContext db, TimeProvider clock) : IRequestHandler<VerifyAuditChainQuery, AuditVerificationDto>
{
    private const int Batch = 2000;

    public async Task<AuditVerificationDto> Handle(VerifyAuditChainQuery request, CancellationToken cancellationToken)
    {
        // The head is read first: entries appended while this runs lie beyond it and are checked next time.
        var head = await db.ChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var expectedSeq = head.CheckpointSeq + 1;
        var expectedPrev = head.CheckpointHash;
        var checkedCount = 0;
        while (expectedSeq <= head.LastSeq)
        {
            var from = expectedSeq;
            var batch = await db.Entries.AsNoTracking()
                .Where(e => e.Seq >= from && e.Seq <= head.LastSeq)
                .OrderBy(e => e.Seq).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return Broken(head, checkedCount, expectedSeq);
            }
            foreach (var entry in batch)
            {
                if (entry.Seq != expectedSeq || entry.PrevHash != expectedPrev || entry.ComputeHash() != entry.Hash)
                {
                    return Broken(head, checkedCount, expectedSeq);
                }
                expectedPrev = entry.Hash;
                expectedSeq++;
                checkedCount++;
            }
        }
        if (expectedPrev != head.LastHash)
        {
            return Broken(head, checkedCount, head.LastSeq);
        }
        return new AuditVerificationDto(true, head.CheckpointSeq + 1, head.LastSeq, checkedCount, null,
            Text.Of($"审计日志完整:第 {head.CheckpointSeq + 1} 至 {head.LastSeq} 条共 {checkedCount} 条记录均未被篡改。",
                $"The audit log is intact: entries {head.CheckpointSeq + 1} to {head.LastSeq} ({checkedCount}) are unaltered."),
            clock.GetUtcNow().UtcDateTime);
    }

    private AuditVerificationDto Broken(AuditChainHead head, int checkedCount, long seq) =>
        new(false, head.CheckpointSeq + 1, head.LastSeq, checkedCount, seq,
            Text.Of($"审计日志完整性校验失败:第 {seq} 条记录缺失或已被篡改。", $"The audit log is broken: entry {seq} is missing or was altered."),
            clock.GetUtcNow().UtcDateTime);
}
