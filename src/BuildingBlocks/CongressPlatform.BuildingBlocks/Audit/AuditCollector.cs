using System.Globalization;
using CongressPlatform.BuildingBlocks.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CongressPlatform.BuildingBlocks.Audit;

/// <summary>
/// What the current scope's command did, for its audit entry: the entities saved (collected by
/// <see cref="AuditChangeInterceptor"/>), a note the handler may add, and the job the scope runs for.
/// </summary>
public sealed class AuditCollector
{
    private readonly List<AuditEntityChange> _saved = [];
    private readonly Dictionary<DbContext, List<AuditEntityChange>> _pending = [];

    internal int Depth { get; set; }

    /// <summary>The Quartz job key when a scheduled job runs this scope.</summary>
    public string? JobKey { get; set; }

    /// <summary>A sentence for the entry's detail (what the handler wants the auditor to read, never a secret).</summary>
    public string? Note { get; set; }

    internal IReadOnlyList<AuditEntityChange> Saved => _saved;

    internal void Capture(DbContext context)
    {
        var changes = new List<AuditEntityChange>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is OutboxMessage or InboxMessage || entry.Metadata.IsOwned())
            {
                continue;
            }
            changes.Add(Describe(entry));
        }
        _pending[context] = changes;
    }

    /// <summary>The save went through: its changes become part of the entry.</summary>
    internal void Confirm(DbContext context)
    {
        if (_pending.Remove(context, out var changes))
        {
            _saved.AddRange(changes);
        }
    }

    internal void Discard(DbContext context) => _pending.Remove(context);

    internal void Reset()
    {
        _saved.Clear();
        _pending.Clear();
        Note = null;
    }

    private static AuditEntityChange Describe(EntityEntry entry)
    {
        var clr = entry.Metadata.ClrType;
        var key = entry.Metadata.FindPrimaryKey()?.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue));
        var fields = new List<AuditFieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name == "Version" || property.Metadata.IsPrimaryKey() || property.Metadata.IsShadowProperty())
            {
                continue;
            }
            var before = entry.State == EntityState.Added ? null : Format(property.OriginalValue);
            var after = entry.State == EntityState.Deleted ? null : Format(property.CurrentValue);
            if (entry.State == EntityState.Modified && (!property.IsModified || before == after))
            {
                continue;
            }
            if (before is null && after is null)
            {
                continue;
            }
            var kind = AuditMasking.Classify(clr, name);
            fields.Add(new AuditFieldChange(name, AuditMasking.Apply(kind, before), AuditMasking.Apply(kind, after)));
        }
        var state = entry.State switch
        {
            EntityState.Added => "added",
            EntityState.Deleted => "deleted",
            _ => "modified",
        };
        return new AuditEntityChange(clr.Name, key is null ? string.Empty : string.Join(",", key), state, fields);
    }

    private const int MaxValueLength = 500;

    private static string? Format(object? value)
    {
        var text = value switch
        {
            null => null,
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            byte[] bytes => $"({bytes.Length} bytes)",
            _ => value.ToString(),
        };
        return text is { Length: > MaxValueLength } ? string.Concat(text.AsSpan(0, MaxValueLength - 1), "…") : text;
    }
}

/// <summary>
/// Feeds the scope's <see cref="AuditCollector"/> from every module DbContext's SaveChanges: what is about to be saved
/// is captured before the save and kept once it succeeded. The audit log's own context is not captured.
/// </summary>
internal sealed class AuditChangeInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collector(eventData.Context)?.Capture(eventData.Context!);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collector(eventData.Context)?.Capture(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Collector(eventData.Context)?.Confirm(eventData.Context!);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Collector(eventData.Context)?.Confirm(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Collector(eventData.Context)?.Discard(eventData.Context!);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Collector(eventData.Context)?.Discard(eventData.Context!);
        return Task.CompletedTask;
    }

    private static AuditCollector? Collector(DbContext? context) =>
        context is Persistence.ModuleDbContext { AuditCollector: { } collector } and not AuditDbContext ? collector : null;
}
