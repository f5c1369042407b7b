using System.Text.Json;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.BuildingBlocks.Outbox;

/// <summary>Optional observer of delivery progress (metrics; tests use it to stop a dispatch midway).</summary>
public interface IOutboxDispatchObserver
{
    void HandlerCompleted(Guid messageId, string handler);
}

/// <summary>
/// Delivers every module's pending outbox messages to their handlers, in order of occurrence.
/// Delivery is at least once; the handlers' inbox makes the effect exactly once. A failing message
/// is retried with exponential back-off and its error kept on the row.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    ModuleDbContextRegistry contexts,
    IntegrationEventTypes eventTypes,
    ILogger<OutboxDispatcher> logger,
    TimeProvider clock,
    IEnumerable<IOutboxDispatchObserver> observers)
{
    public const int BatchSize = 100;
    public const int MaxAttempts = 12;

    /// <summary>Dispatches one batch per module; returns how many messages were delivered.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var registration in contexts.All)
        {
            using var scope = scopes.CreateSystemScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            var now = clock.GetUtcNow().UtcDateTime;
            var batch = await db.OutboxMessages
                .Where(m => m.ProcessedAtUtc == null && m.NextAttemptAtUtc <= now && m.Attempts < MaxAttempts)
                .OrderBy(m => m.OccurredAtUtc).ThenBy(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);

            foreach (var message in batch)
            {
                try
                {
                    await DeliverAsync(message, cancellationToken);
                    message.ProcessedAtUtc = clock.GetUtcNow().UtcDateTime;
                    delivered++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    message.Attempts++;
                    var error = ex.ToString();
                    message.LastError = error[..Math.Min(error.Length, 2000)];
                    message.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime.AddSeconds(Math.Min(3600, Math.Pow(2, message.Attempts)));
                    logger.LogError(ex, "Outbox message {MessageId} ({EventType}) failed, attempt {Attempt}", message.Id, message.EventType, message.Attempts);
                }
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return delivered;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = eventTypes.Resolve(message.EventType)
            ?? throw new InvalidOperationException($"Unknown integration event type '{message.EventType}'.");
        var integrationEvent = (IntegrationEvent)(JsonSerializer.Deserialize(message.Payload, type, IntegrationEventTypes.JsonOptions)
            ?? throw new InvalidOperationException($"Empty payload for message {message.Id}."));
        var handlerType = typeof(IIntegrationEventHandler<>).MakeGenericType(type);

        List<Type> handlerTypes;
        using (var probe = scopes.CreateSystemScope())
        {
            handlerTypes = probe.ServiceProvider.GetServices(handlerType).Select(h => h!.GetType()).ToList();
        }
        foreach (var concrete in handlerTypes)
        {
            // Each handler in a scope of its own: its DbContext and transaction are its alone.
            using var scope = scopes.CreateSystemScope();
            var handler = (IIntegrationEventHandler)scope.ServiceProvider.GetRequiredService(concrete);
            await handler.HandleAsync(message.Id, integrationEvent, cancellationToken);
            foreach (var observer in observers)
            {
                observer.HandlerCompleted(message.Id, handler.Name);
            }
        }
    }
}
