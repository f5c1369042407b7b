using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CongressPlatform.Modules.Identity.Audit;

internal enum IdentityAuditOutcome
{
    Success = 0,
    Failure = 1,
}

/// <summary>
/// One line of the identity audit log as it was kept until ADR 0019: no longer written (identity events now go to the
/// platform audit log) and copied into that log once by <see cref="IdentityAuditImport"/>. The database still refuses
/// UPDATE, DELETE and TRUNCATE on its table (migration <c>IdentityAudit</c>, ADR 0015).
/// </summary>
internal sealed class IdentityAuditEntry : Entity
{
    public const int KindLength = 64;
    public const int UserNameLength = 64;
    public const int ClientIdLength = 100;
    public const int IpAddressLength = 45;
    public const int UserAgentLength = 300;
    public const int DetailLength = 1000;

    public DateTime OccurredAtUtc { get; private set; }

    /// <summary>One of <see cref="IdentityAuditKinds"/>.</summary>
    public string Kind { get; private set; } = string.Empty;

    public IdentityAuditOutcome Outcome { get; private set; }

    /// <summary>The account the event is about, when known.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The account's login; for a failed sign-in, the name as typed (never a password).</summary>
    public string? UserName { get; private set; }

    /// <summary>Who did it, when an administrator acts on someone else's account.</summary>
    public Guid? ActorId { get; private set; }

    public Guid? TenantId { get; private set; }

    public string? ClientId { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    /// <summary>Free text in Chinese or English; never a secret.</summary>
    public string? Detail { get; private set; }
}

internal sealed class IdentityAuditEntryConfiguration : IEntityTypeConfiguration<IdentityAuditEntry>
{
    public void Configure(EntityTypeBuilder<IdentityAuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(IdentityAuditEntry.KindLength).IsRequired();
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(IdentityAuditEntry.UserNameLength);
        builder.Property(e => e.ClientId).HasMaxLength(IdentityAuditEntry.ClientIdLength);
        builder.Property(e => e.IpAddress).HasMaxLength(IdentityAuditEntry.IpAddressLength);
        builder.Property(e => e.UserAgent).HasMaxLength(IdentityAuditEntry.UserAgentLength);
        builder.Property(e => e.Detail).HasMaxLength(IdentityAuditEntry.DetailLength);
        builder.HasIndex(e => e.OccurredAtUtc);
        builder.HasIndex(e => e.UserId);
        builder.HasIndex(e => e.Kind);
    }
}
