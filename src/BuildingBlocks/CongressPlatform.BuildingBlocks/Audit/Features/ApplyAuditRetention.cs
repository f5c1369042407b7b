using System.ComponentModel.DataAnnotations;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Audit.Features;

/// <summary><c>Audit:*</c> settings.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The legal minimum (等保 2.0: at least six months); the database refuses to delete younger entries.</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>How long entries are kept before the daily retention job deletes them. At least 180 (checked at start).</summary>
    [Range(MinimumRetentionDays, 36500, ErrorMessage = "Audit:RetentionDays must be at least 180 (审计日志至少保存 180 天).")]
    public int RetentionDays { get; set; } = 365;
}

public sealed record AuditRetentionDto(int Deleted, long CheckpointSeq);

/// <summary>
/// The daily retention job's command: deletes the oldest entries past the retention, in chain order, and moves the
/// checkpoint (last deleted sequence number and hash) so verification still proves the rest. Only the system holds its
/// permission. The run itself is recorded by the pipeline, with the count in its detail.
/// </summary>
[RequiresPermission(PlatformPermissions.AuditRetention)]
public sealed record ApplyAuditRetentionCommand : ICommand<AuditRetentionDto>;

internal sealed class ApplyAuditRetentionCommandHandler(
    AuditDbContext db, IOptions<AuditOptions> options, AuditCollector collector, TimeProvider clock)
    : IRequestHandler<ApplyAuditRetentionCommand, AuditRetentionDto>
{
    private const int Batch = 5000;

    public async Task<AuditRetentionDto> Handle(ApplyAuditRetentionCommand request, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        var deleted = 0;
        long checkpoint;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The same lock as an append: the checkpoint and the head never race.
            await db.ChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSeq, h => h.LastSeq), cancellationToken);
            var head = await db.ChainHeads.SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
            checkpoint = head.CheckpointSeq;
            // Oldest first and without gaps: stop at the first entry still within the retention.
            var batch = await db.Entries.AsNoTracking().Where(e => e.Seq > head.CheckpointSeq)
                .OrderBy(e => e.Seq).Take(Batch).Select(e => new { e.Seq, e.Hash, e.OccurredAtUtc })
                .ToListAsync(cancellationToken);
            var old = batch.TakeWhile(e => e.OccurredAtUtc < cutoff).ToList();
            if (old.Count == 0)
            {
                break;
            }
            var last = old[^1];
            await db.Entries.Where(e => e.Seq > head.CheckpointSeq && e.Seq <= last.Seq).ExecuteDeleteAsync(cancellationToken);
            head.Checkpoint(last.Seq, last.Hash);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            deleted += old.Count;
            checkpoint = last.Seq;
            if (old.Count < batch.Count || batch.Count < Batch)
            {
                break;
            }
        }
        // Stored text is Chinese, whatever the language of the run.
        collector.Note = FormattableString.Invariant(
            $"保留期 {options.Value.RetentionDays} 天:删除 {cutoff:yyyy-MM-dd} 前的审计记录 {deleted} 条,校验起点为第 {checkpoint + 1} 条。");
        return new AuditRetentionDto(deleted, checkpoint);
    }
}
