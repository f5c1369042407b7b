using CongressPlatform.ArchitectureTests.Infrastructure;
using CongressPlatform.BuildingBlocks.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.ArchitectureTests;

/// <summary>ARCHITECTURE rule 2: events are contracts; consumers are idempotent (an inbox row per message and handler).</summary>
[Collection(HostCollection.Name)]
public sealed class IntegrationEventTests(HostFixture host)
{
    [Fact]
    public void Every_integration_event_handler_is_idempotent_and_uniquely_named()
    {
        var handlers = Architecture.Production
            .SelectMany(a => a.LoadableTypes())
            .Where(t => t.IsConcrete() && typeof(IIntegrationEventHandler).IsAssignableFrom(t))
            .ToList();
        handlers.Should().NotBeEmpty();
        handlers.Should().OnlyContain(t => Architecture.HandlerAssemblies.Contains(t.Assembly),
            "handlers are only discovered in the modules and BuildingBlocks");

        using var scope = host.Services.CreateScope();
        // Resolved from the host's container, as the dispatcher resolves them: this also proves each is registered.
        string? NameOf(Type handler) => ((IIntegrationEventHandler)scope.ServiceProvider.GetRequiredService(handler)).Name;
        var offenders = Rules.EventHandlerViolations(handlers, NameOf).ToList();
        offenders.Should().BeEmpty(Architecture.Report("Integration-event handler violations", offenders));
    }

    [Fact]
    public void Every_integration_event_is_a_named_contract_the_outbox_can_resolve()
    {
        var types = Architecture.Production.SelectMany(a => a.LoadableTypes()).ToList();
        var offenders = Rules.EventViolations(types, Architecture.ContractsAssemblies.ToList()).ToList();
        offenders.Should().BeEmpty(Architecture.Report("Integration-event violations", offenders));

        var registry = host.Services.GetRequiredService<IntegrationEventTypes>();
        var events = types.Where(t => t.IsConcrete() && typeof(SharedKernel.IntegrationEvent).IsAssignableFrom(t)).ToList();
        events.Should().NotBeEmpty();
        registry.All.Should().BeEquivalentTo(events, "the outbox must be able to resolve every event type by name");
    }
}
