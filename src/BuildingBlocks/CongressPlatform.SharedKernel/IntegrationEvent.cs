namespace CongressPlatform.SharedKernel;

/// <summary>
/// A fact one module tells the others. Published through the publisher's outbox in the same
/// transaction as the change, delivered at least once, consumed idempotently (inbox).
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
    public DateTime OccurredAtUtc { get; init; } = DateTime.UtcNow;
}
