using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Audit;

/// <summary>
/// The platform audit log's own schema: <c>audit.entries</c> and <c>audit.chain_head</c> (SQLite: <c>audit_entries</c>,
/// <c>audit_chain_head</c>). Not tenant-owned: an entry may have no tenant (a failed sign-in, a job); who reads what
/// is decided in one place, <see cref="Features.AuditScope"/> (ADR 0015, 0019).
/// </summary>
internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options, ModuleDbContextDependencies dependencies)
    : ModuleDbContext(options, dependencies), IModuleSchema
{
    public static string SchemaName => "audit";

    public override string Schema => SchemaName;

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    public DbSet<AuditChainHead> ChainHeads => Set<AuditChainHead>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("entries");
            b.HasKey(e => e.Seq);
            b.Property(e => e.Seq).ValueGeneratedNever();
            b.Property(e => e.Category).HasMaxLength(16).IsRequired();
            b.Property(e => e.Action).HasMaxLength(AuditEntry.ActionLength).IsRequired();
            b.Property(e => e.Outcome).HasMaxLength(16).IsRequired();
            b.Property(e => e.ErrorCode).HasMaxLength(AuditEntry.CodeLength);
            b.Property(e => e.UserName).HasMaxLength(AuditEntry.NameLength);
            b.Property(e => e.TenantPath).HasMaxLength(AuditEntry.PathLength);
            b.Property(e => e.TenantName).HasMaxLength(AuditEntry.NameLength);
            b.Property(e => e.IpAddress).HasMaxLength(AuditEntry.IpAddressLength);
            b.Property(e => e.UserAgent).HasMaxLength(AuditEntry.UserAgentLength);
            b.Property(e => e.JobKey).HasMaxLength(AuditEntry.JobKeyLength);
            b.Property(e => e.ClientId).HasMaxLength(AuditEntry.NameLength);
            b.Property(e => e.EntityType).HasMaxLength(AuditEntry.NameLength);
            b.Property(e => e.EntityId).HasMaxLength(AuditEntry.NameLength);
            b.Property(e => e.Detail).HasMaxLength(AuditEntry.DetailLength);
            b.Property(e => e.PrevHash).HasMaxLength(AuditEntry.HashLength).IsRequired();
            b.Property(e => e.Hash).HasMaxLength(AuditEntry.HashLength).IsRequired();
            b.HasIndex(e => e.Id).IsUnique();
            b.HasIndex(e => e.OccurredAtUtc);
            b.HasIndex(e => e.UserId);
            b.HasIndex(e => e.Action);
            b.HasIndex(e => e.TenantPath);
            b.HasIndex(e => new { e.EntityType, e.EntityId });
        });
        modelBuilder.Entity<AuditChainHead>(b =>
        {
            b.ToTable("chain_head");
            b.HasKey(h => h.Id);
            b.Property(h => h.Id).ValueGeneratedNever();
            b.Property(h => h.LastHash).HasMaxLength(AuditEntry.HashLength).IsRequired();
            b.Property(h => h.CheckpointHash).HasMaxLength(AuditEntry.HashLength).IsRequired();
        });
    }
}
