using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CongressPlatform.BuildingBlocks.Audit;

/// <summary>What an audit entry records: a command sent through the pipeline, or an event a module recorded in one call.</summary>
public static class AuditCategories
{
    public const string Command = "command";
    public const string Event = "event";
}

/// <summary>How the act ended: done, refused with an error code (nothing changed), or failed unexpectedly.</summary>
public static class AuditOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Refused = "refused";
    public const string Failed = "failed";

    public static bool IsKnown(string? outcome) => outcome is Succeeded or Refused or Failed;
}

/// <summary>
/// One line of the platform audit log (ADR 0019). Written once by <see cref="AuditChainWriter"/>, never changed: the
/// database refuses UPDATE and TRUNCATE always and DELETE of rows younger than the retention minimum. Each entry
/// carries its sequence number in the chain, the previous entry's hash and its own hash over <see cref="Canonical"/>.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionLength = 100;
    public const int CodeLength = 100;
    public const int NameLength = 100;
    public const int PathLength = 200;
    public const int IpAddressLength = 45;
    public const int UserAgentLength = 300;
    public const int JobKeyLength = 150;
    public const int DetailLength = 1000;
    public const int HashLength = 64;

    public long Seq { get; private set; }
    public Guid Id { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public string Category { get; private set; } = AuditCategories.Event;
    public string Action { get; private set; } = string.Empty;
    public string Outcome { get; private set; } = AuditOutcomes.Succeeded;
    public string? ErrorCode { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public Guid? ActorId { get; private set; }
    public Guid? TenantId { get; private set; }
    public string? TenantPath { get; private set; }
    public string? TenantName { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }
    public string? JobKey { get; private set; }
    public string? ClientId { get; private set; }
    public string? EntityType { get; private set; }
    public string? EntityId { get; private set; }
    public string? Detail { get; private set; }

    /// <summary>JSON list of <see cref="AuditEntityChange"/>: every entity the act touched, with its changed fields (masked).</summary>
    public string? Changes { get; private set; }

    public string PrevHash { get; private set; } = string.Empty;
    public string Hash { get; private set; } = string.Empty;

    private AuditEntry()
    {
    }

    /// <summary>An entry not yet in the chain. Text is cleaned and cut to its column; the time is kept to the microsecond (what PostgreSQL stores).</summary>
    internal static AuditEntry Draft(AuditDraft d)
    {
        if (d.OccurredAtUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("The time of an audit entry is UTC.", nameof(d));
        }
        if (!AuditOutcomes.IsKnown(d.Outcome))
        {
            throw new ArgumentException($"Unknown audit outcome '{d.Outcome}'.", nameof(d));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(d.Action);
        return new AuditEntry
        {
            Id = d.Id ?? Guid.CreateVersion7(),
            OccurredAtUtc = new DateTime(d.OccurredAtUtc.Ticks - d.OccurredAtUtc.Ticks % 10, DateTimeKind.Utc),
            Category = d.Category,
            Action = AuditText.Clean(d.Action, ActionLength)!,
            Outcome = d.Outcome,
            ErrorCode = AuditText.Clean(d.ErrorCode, CodeLength),
            UserId = d.UserId,
            UserName = AuditText.Clean(d.UserName, NameLength),
            ActorId = d.ActorId,
            TenantId = d.TenantId,
            TenantPath = AuditText.Clean(d.TenantPath, PathLength),
            TenantName = AuditText.Clean(d.TenantName, NameLength),
            IpAddress = AuditText.Clean(d.IpAddress, IpAddressLength),
            UserAgent = AuditText.Clean(d.UserAgent, UserAgentLength),
            JobKey = AuditText.Clean(d.JobKey, JobKeyLength),
            ClientId = AuditText.Clean(d.ClientId, NameLength),
            EntityType = AuditText.Clean(d.EntityType, NameLength),
            EntityId = AuditText.Clean(d.EntityId, NameLength),
            Detail = AuditText.Clean(d.Detail, DetailLength),
            Changes = d.Changes is { Count: > 0 } changes ? JsonSerializer.Serialize(changes, AuditJson.Options) : null,
        };
    }

    /// <summary>Puts the entry in the chain after <paramref name="prevHash"/>.</summary>
    internal void Seal(long seq, string prevHash)
    {
        Seq = seq;
        PrevHash = prevHash;
        Hash = ComputeHash();
    }

    /// <summary>SHA-256 (lower-case hex) of <see cref="Canonical"/>.</summary>
    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    /// <summary>
    /// The fields in a fixed order as a JSON array of strings and nulls, the previous hash last. Every stored field is
    /// in it, so changing any of them (or the order of entries) changes the hash.
    /// </summary>
    public string Canonical() => JsonSerializer.Serialize(new[]
    {
        Seq.ToString(CultureInfo.InvariantCulture), Id.ToString("D"),
        OccurredAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        Category, Action, Outcome, ErrorCode, UserId?.ToString("D"), UserName, ActorId?.ToString("D"),
        TenantId?.ToString("D"), TenantPath, TenantName, IpAddress, UserAgent, JobKey, ClientId, EntityType, EntityId,
        Detail, Changes, PrevHash,
    });
}

/// <summary>The single row that holds the end of the chain and the retention checkpoint; locked by every append.</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    /// <summary>The hash before the first entry ever written.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public int Id { get; private set; } = SingletonId;
    public long LastSeq { get; private set; }
    public string LastHash { get; private set; } = Genesis;

    /// <summary>The last entry the retention job deleted (0 and the genesis hash when none): verification starts after it.</summary>
    public long CheckpointSeq { get; private set; }

    public string CheckpointHash { get; private set; } = Genesis;

    internal void Advance(long seq, string hash)
    {
        LastSeq = seq;
        LastHash = hash;
    }

    internal void Checkpoint(long seq, string hash)
    {
        CheckpointSeq = seq;
        CheckpointHash = hash;
    }
}

/// <summary>The fields of an entry before it is chained.</summary>
internal sealed record AuditDraft(
    string Category, string Action, string Outcome, DateTime OccurredAtUtc,
    string? ErrorCode = null, Guid? UserId = null, string? UserName = null, Guid? ActorId = null,
    Guid? TenantId = null, string? TenantPath = null, string? TenantName = null,
    string? IpAddress = null, string? UserAgent = null, string? JobKey = null, string? ClientId = null,
    string? EntityType = null, string? EntityId = null, string? Detail = null,
    IReadOnlyList<AuditEntityChange>? Changes = null, Guid? Id = null);

/// <summary>An entity an act touched: its type, key, what happened to it and the fields that changed.</summary>
public sealed record AuditEntityChange(string Type, string Id, string State, IReadOnlyList<AuditFieldChange> Fields);

/// <summary>A changed field, before and after; masked values for personal data, <see cref="AuditMasking.Hidden"/> for secrets.</summary>
public sealed record AuditFieldChange(string Name, string? Before, string? After);

internal static class AuditJson
{
    // Chinese stays readable in the stored JSON (and searchable by the auditor's free text); it is never written into HTML.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public static class AuditText
{
    /// <summary>Trimmed, control characters as spaces (no forged lines in an export), cut to its column with an ellipsis; blank is null.</summary>
    public static string? Clean(string? value, int maxLength)
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
