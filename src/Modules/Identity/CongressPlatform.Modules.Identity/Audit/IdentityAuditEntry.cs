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
/// One line of the identity audit log (IDENTITY.md, security baseline): who did what to which account,
/// when, from where, and whether it worked. Written once, never changed: the database refuses UPDATE,
/// DELETE and TRUNCATE on its table (migration <c>IdentityAudit</c>, ADR 0015), and the application has
/// no path that would try.
/// </summary>
internal sealed class IdentityAuditEntry : Entity
{
    public const int KindLength = 64;
    public const int UserNameLength = 64;
    public const int ClientIdLength = 100;
    public const int IpAddressLength = 45;
    public const int UserAgentLength = 300;
    public const int DetailLength = 1000;

    private IdentityAuditEntry()
    {
    }

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

    /// <summary>
    /// The entry for a record. The kind must be one of <see cref="IdentityAuditKinds"/> (a typo is a
    /// programming error, not a new kind); text fields are trimmed, control characters become spaces
    /// (no forged lines in an export) and overlong values are cut to their column with an ellipsis.
    /// </summary>
    public static IdentityAuditEntry From(IdentityAuditRecord record, DateTime occurredAtUtc, string? ipAddress, string? userAgent)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!IdentityAuditKinds.IsKnown(record.Kind))
        {
            throw new ArgumentException($"'{record.Kind}' is not one of IdentityAuditKinds.", nameof(record));
        }
        if (occurredAtUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("The time of an audit entry is UTC.", nameof(occurredAtUtc));
        }
        return new IdentityAuditEntry
        {
            OccurredAtUtc = occurredAtUtc,
            Kind = record.Kind,
            Outcome = record.Success ? IdentityAuditOutcome.Success : IdentityAuditOutcome.Failure,
            UserId = record.UserId,
            UserName = Clean(record.UserName, UserNameLength),
            ActorId = record.ActorId,
            TenantId = record.TenantId,
            ClientId = Clean(record.ClientId, ClientIdLength),
            IpAddress = Clean(ipAddress, IpAddressLength),
            UserAgent = Clean(userAgent, UserAgentLength),
            Detail = Clean(record.Detail, DetailLength),
        };
    }

    internal static string? Clean(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }
        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return string.Concat(text.AsSpan(0, cut), "…");
    }
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
