// Planted violations: small types that break each rule on purpose, so that RuleSelfTests can prove every rule
// is able to fail. Nothing scans this assembly except those tests.
#pragma warning disable CA1812, CA1822, CA1051, IDE0051, IDE0052, CS0649, CS0169
using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.Modules.Deputies;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.ArchitectureTests.Fixtures.Shop
{
    /// <summary>Named like a module class but not an IModule.</summary>
    public sealed class ShopModule;

    /// <summary>Reaches into another module's implementation through a field.</summary>
    public sealed class UsesDeputiesInField
    {
        public DeputiesModule? Module;
    }

    /// <summary>Reaches into another module's implementation only inside a method body.</summary>
    public static class UsesDeputiesInBody
    {
        public static string Name() => new DeputiesModule().Name;
    }

    public static class ShopEndpoints;
}

namespace CongressPlatform.ArchitectureTests.Fixtures.Shop.Persistence
{
    public sealed class ShopDbContext : DbContext;

    public sealed class FixtureModuleDbContext(DbContextOptions options, ModuleDbContextDependencies dependencies)
        : ModuleDbContext(options, dependencies)
    {
        public override string Schema => "shop";

        protected override void ConfigureModel(ModelBuilder modelBuilder)
        {
        }
    }
}

namespace CongressPlatform.ArchitectureTests.Fixtures.Shop.Domain
{
    public enum OrderState
    {
        Open = 0,
    }

    /// <summary>A public domain class holding a DbContext.</summary>
    public sealed class Order
    {
        public DbContext? Db;
    }

    /// <summary>Uses ASP.NET Core only inside a method body.</summary>
    public sealed class Invoice
    {
        public static string Describe() => typeof(Microsoft.AspNetCore.Http.HttpContext).Name;
    }

    /// <summary>Uses EF Core only through an attribute.</summary>
    [Index(nameof(Number))]
    public sealed class Receipt
    {
        public int Number { get; init; }
    }
}

namespace CongressPlatform.ArchitectureTests.Fixtures.Shop.Features.Orders
{
    [RequiresPermission("shop.orders.read")]
    public sealed record GoodQuery : IQuery<int>;

    public sealed class GoodQueryHandler : IRequestHandler<GoodQuery, int>
    {
        public Task<int> Handle(GoodQuery request, CancellationToken cancellationToken) => Task.FromResult(1);
    }

    public sealed record OrderDto(int Id);

    public sealed record OrderView(int Id);

    /// <summary>Badly named, no permission declaration, no handler.</summary>
    public sealed record DoStuff : IRequest<int>;

    /// <summary>Both declarations; handler misnamed.</summary>
    [RequiresPermission("shop.orders.update")]
    [NoPermissionRequired("because")]
    public sealed record BothCommand : ICommand<int>;

    public sealed class MisnamedHandler : IRequestHandler<BothCommand, int>
    {
        public Task<int> Handle(BothCommand request, CancellationToken cancellationToken) => Task.FromResult(1);
    }

    /// <summary>Named a command but not an ICommand: the unit of work would never save it.</summary>
    [NoPermissionRequired("fixture")]
    public sealed record SneakyCommand : IRequest<int>;

    public sealed class SneakyCommandHandler : IRequestHandler<SneakyCommand, int>
    {
        public Task<int> Handle(SneakyCommand request, CancellationToken cancellationToken) => Task.FromResult(1);
    }

    [RequiresPermission("Deputies.Orders")]
    public sealed record BadPermissionQuery : IQuery<int>;

    public sealed class BadPermissionQueryHandler : IRequestHandler<BadPermissionQuery, int>
    {
        public Task<int> Handle(BadPermissionQuery request, CancellationToken cancellationToken) => Task.FromResult(1);
    }

    public sealed class GoodQueryRules : AbstractValidator<GoodQuery>;
}

namespace CongressPlatform.ArchitectureTests.Fixtures.Shop.Features.Orders.Elsewhere
{
    public sealed class GoodQueryHandler : IRequestHandler<Orders.SneakyCommand, int>
    {
        public Task<int> Handle(Orders.SneakyCommand request, CancellationToken cancellationToken) => Task.FromResult(2);
    }
}

namespace CongressPlatform.ArchitectureTests.Fixtures.Shop.Events
{
    public sealed record ThingHappened : IntegrationEvent;

    public sealed record ThingHappenedIntegrationEvent : IntegrationEvent;

    /// <summary>Implements the interface directly: no inbox, not idempotent.</summary>
    public sealed class RawHandler : IIntegrationEventHandler<ThingHappened>
    {
        public string Name => "shop.raw";

        public Task HandleAsync(Guid messageId, IntegrationEvent integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class GoodHandler(Persistence.FixtureModuleDbContext db)
        : IntegrationEventHandler<ThingHappened, Persistence.FixtureModuleDbContext>(db)
    {
        public override string Name => "shop.good";

        protected override Task Handle(ThingHappened integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class CopyHandler(Persistence.FixtureModuleDbContext db)
        : IntegrationEventHandler<ThingHappened, Persistence.FixtureModuleDbContext>(db)
    {
        public override string Name => "shop.good";

        protected override Task Handle(ThingHappened integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
