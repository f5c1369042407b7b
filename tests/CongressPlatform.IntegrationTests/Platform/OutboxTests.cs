using System.Collections.Concurrent;
using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Platform;

/// <summary>
/// The dispatch of a cross-module event is stopped midway — after one consumer committed, before the
/// outbox row was marked — and the host is shut down. After a restart on the same database every
/// consumer has acted exactly once.
/// </summary>
public sealed class OutboxTests
{
    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_event_interrupted_midway_is_delivered_exactly_once_after_restart(DatabaseProvider provider)
    {
        foreach (var stopAfter in new[] { "deputies.default-points-policy", ProbeHandler.HandlerName })
        {
            var database = PlatformFactory.NewDatabase(provider);
            try
            {
                await RunScenario(provider, database, stopAfter);
            }
            finally
            {
                await PlatformFactory.DropDatabaseAsync(provider, database);
            }
        }
    }

    private static async Task RunScenario(DatabaseProvider provider, string database, string stopAfter)
    {
        Guid tenantId;
        Guid messageId;
        var stop = new StopAfter(stopAfter);
        await using (var first = new PlatformFactory(provider, database, configureServices: services =>
                     {
                         services.AddScoped<IIntegrationEventHandler<TenantCreatedIntegrationEvent>, ProbeHandler>();
                         services.AddScoped<ProbeHandler>();
                         services.AddSingleton<IOutboxDispatchObserver>(stop);
                     }))
        {
            _ = first.Server;
            var district = await first.TenantAsync(Demo.District);
            var created = await (await first.As("admin", Demo.District, "system-admin")
                    .PostJsonAsync("/api/identity/tenants", new { parentId = district.Id, code = "x" + Guid.NewGuid().ToString("N")[..8], name = "中断测试街道", kind = "Street" }))
                .ReadAsync<TenantView>();
            tenantId = created.Id;
            messageId = await Outbox(first).Where(m => m.Payload.Contains(created.Id.ToString())).Select(m => m.Id).SingleAsync();
            stop.Target = messageId;

            // The demo district's own events are delivered first; the stop happens at the new street's event.
            var dispatch = () => first.DispatchOutboxAsync();
            await dispatch.Should().ThrowAsync<OperationCanceledException>();
            await dispatch.Should().ThrowAsync<OperationCanceledException>();
            (await Outbox(first).SingleAsync(m => m.Id == messageId)).ProcessedAtUtc.Should().BeNull();
        }

        await using var second = new PlatformFactory(provider, database, configureServices: services =>
        {
            services.AddScoped<IIntegrationEventHandler<TenantCreatedIntegrationEvent>, ProbeHandler>();
            services.AddScoped<ProbeHandler>();
        });
        _ = second.Server;
        await second.DispatchOutboxAsync();
        await second.DispatchOutboxAsync();

        (await Outbox(second).SingleAsync(m => m.Id == messageId)).LastError.Should().BeNull();
        ProbeHandler.Calls.GetValueOrDefault(messageId).Should().Be(1, $"the probe handler must act once (stopped after {stopAfter})");
        using var scope = second.Services.CreateScope();
        var deputies = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
        (await deputies.PointsPolicies.IgnoreQueryFilters().CountAsync(p => p.TenantId == tenantId)).Should().Be(1);
        (await deputies.InboxMessages.CountAsync(i => i.MessageId == messageId)).Should().Be(2);
        (await Outbox(second).SingleAsync(m => m.Id == messageId)).ProcessedAtUtc.Should().NotBeNull();
    }

    private static IQueryable<OutboxMessage> Outbox(PlatformFactory factory)
    {
        var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IdentityDbContext>().OutboxMessages.AsNoTracking();
    }

    /// <summary>Stands for a process stopped midway: after the named handler commits, the dispatch is cancelled.</summary>
    private sealed class StopAfter(string handler) : IOutboxDispatchObserver
    {
        public Guid Target { get; set; }

        public void HandlerCompleted(Guid messageId, string completed)
        {
            if (completed == handler && messageId == Target)
            {
                throw new OperationCanceledException("Simulated stop of the host during dispatch.");
            }
        }
    }

    /// <summary>A second consumer of the event, in the Deputies database, counting how often it acts.</summary>
    internal sealed class ProbeHandler(DeputiesDbContext db)
        : IntegrationEventHandler<TenantCreatedIntegrationEvent, DeputiesDbContext>(db)
    {
        public const string HandlerName = "tests.probe";

        public static readonly ConcurrentDictionary<Guid, int> Calls = new();

        public override string Name => HandlerName;

        protected override Task Handle(TenantCreatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
        {
            Calls.AddOrUpdate(integrationEvent.EventId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
