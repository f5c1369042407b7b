using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Outbox;

/// <summary>Consumes one kind of integration event. Implement through <see cref="IntegrationEventHandler{TEvent, TDbContext}"/>.</summary>
public interface IIntegrationEventHandler
{
    /// <summary>A stable name for the inbox; renaming it would redeliver old events.</summary>
    string Name { get; }

    Task HandleAsync(Guid messageId, IntegrationEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>Marks a handler of one event type, so the dispatcher can find the handlers of each event.</summary>
public interface IIntegrationEventHandler<in TEvent> : IIntegrationEventHandler
    where TEvent : IntegrationEvent;

/// <summary>
/// An idempotent consumer: the handler's changes and its inbox row are saved in one transaction of
/// its own module's database, and a message already in the inbox is skipped.
/// </summary>
public abstract class IntegrationEventHandler<TEvent, TDbContext>(TDbContext db) : IIntegrationEventHandler<TEvent>
    where TEvent : IntegrationEvent
    where TDbContext : ModuleDbContext
{
    protected TDbContext Db { get; } = db;

    public virtual string Name => GetType().FullName!;

    public async Task HandleAsync(Guid messageId, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var typed = (TEvent)integrationEvent;
        if (await Db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Handler == Name, cancellationToken))
        {
            return;
        }
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        await Handle(typed, cancellationToken);
        Db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Handler = Name, ProcessedAtUtc = DateTime.UtcNow });
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    protected abstract Task Handle(TEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>The integration event types of the modules' contracts, by stable name.</summary>
public sealed class IntegrationEventTypes
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly FrozenDictionary<string, Type> _byName;

    public IntegrationEventTypes(IEnumerable<Assembly> assemblies)
    {
        _byName = assemblies.Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false } && typeof(IntegrationEvent).IsAssignableFrom(t))
            .ToFrozenDictionary(NameOf, StringComparer.Ordinal);
    }

    public static string NameOf(Type type) => type.FullName!;

    public Type? Resolve(string name) => _byName.GetValueOrDefault(name);

    public IReadOnlyCollection<Type> All => _byName.Values;
}
