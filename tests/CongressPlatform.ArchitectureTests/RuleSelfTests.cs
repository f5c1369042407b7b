using CongressPlatform.ArchitectureTests.Fixtures.Shop;
using CongressPlatform.ArchitectureTests.Fixtures.Shop.Domain;
using CongressPlatform.ArchitectureTests.Fixtures.Shop.Events;
using CongressPlatform.ArchitectureTests.Fixtures.Shop.Features.Orders;
using CongressPlatform.ArchitectureTests.Fixtures.Shop.Persistence;
using CongressPlatform.ArchitectureTests.Infrastructure;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CongressPlatform.ArchitectureTests;

/// <summary>Each rule, run over planted violations (Fixtures/PlantedViolations.cs), reports them: the rules can fail.</summary>
public sealed class RuleSelfTests
{
    private const string Root = "CongressPlatform.ArchitectureTests.Fixtures.Shop";

    private static readonly Type[] ShopTypes = typeof(ShopModule).Assembly.GetTypes()
        .Where(t => t.Namespace?.StartsWith(Root, StringComparison.Ordinal) == true)
        .ToArray();

    [Fact]
    public void Isolation_catches_a_reference_a_field_and_a_method_body_reaching_into_another_module()
    {
        var deputies = typeof(DeputiesModule).Assembly;
        Rules.ForbiddenReferences(typeof(ShopModule).Assembly, r => r.Name == deputies.GetName().Name).Should().ContainSingle();

        var offenders = Rules.ForbiddenUsages([typeof(UsesDeputiesInField), typeof(UsesDeputiesInBody), typeof(ShopModule)], t => t.Assembly == deputies).ToList();
        offenders.Should().Contain(o => o.StartsWith(typeof(UsesDeputiesInField).FullName + " uses", StringComparison.Ordinal) && o.Contains("field Module", StringComparison.Ordinal));
        offenders.Should().Contain(o => o.StartsWith(typeof(UsesDeputiesInBody).FullName + " uses", StringComparison.Ordinal) && o.Contains("body of method Name", StringComparison.Ordinal));
        offenders.Should().NotContain(o => o.StartsWith(typeof(ShopModule).FullName + " ", StringComparison.Ordinal));

        Rules.ForbiddenUsages([typeof(UsesDeputiesInBody)], t => t.Assembly == deputies, includeMethodBodies: false)
            .Should().BeEmpty("only the IL scan sees a use inside a method body");
    }

    [Fact]
    public void Surface_rule_catches_public_DbContexts_handlers_domain_classes_endpoints_and_stray_records()
    {
        var offenders = Rules.SurfaceViolations(Root, nameof(ShopModule), ShopTypes.Where(t => t.IsVisible)).ToList();
        string Offender(Type t) => offenders.SingleOrDefault(o => o.StartsWith(t.FullName + ":", StringComparison.Ordinal)) ?? string.Empty;

        foreach (var bad in new[]
                 {
                     typeof(ShopModule), typeof(ShopDbContext), typeof(Order), typeof(OrderView), typeof(GoodQueryHandler),
                     typeof(GoodQueryRules), typeof(ShopEndpoints), typeof(UsesDeputiesInField), typeof(RawHandler),
                 })
        {
            Offender(bad).Should().NotBeEmpty($"{bad.Name} must be reported");
        }
        foreach (var good in new[] { typeof(OrderState), typeof(GoodQuery), typeof(OrderDto), typeof(DoStuff) })
        {
            Offender(good).Should().BeEmpty($"{good.Name} may be public");
        }
    }

    [Fact]
    public void Layering_rule_catches_EF_Core_and_ASP_NET_Core_in_fields_attributes_and_method_bodies()
    {
        var domain = DomainLayeringTests.DomainTypes(ShopTypes, Root).ToList();
        domain.Should().Contain([typeof(Order), typeof(Invoice), typeof(Receipt), typeof(OrderState)]);
        var offenders = Rules.ForbiddenUsages(domain, DomainLayeringTests.IsPersistenceOrWeb).ToList();
        offenders.Should().Contain(o => o.StartsWith(typeof(Order).FullName + " uses Microsoft.EntityFrameworkCore.DbContext", StringComparison.Ordinal));
        offenders.Should().Contain(o => o.StartsWith(typeof(Invoice).FullName + " uses Microsoft.AspNetCore.Http.HttpContext", StringComparison.Ordinal));
        offenders.Should().Contain(o => o.StartsWith(typeof(Receipt).FullName + " uses Microsoft.EntityFrameworkCore.IndexAttribute", StringComparison.Ordinal));
        offenders.Should().NotContain(o => o.StartsWith(typeof(OrderState).FullName + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Use_case_rule_catches_names_permission_declarations_handlers_and_validators()
    {
        Type[] requests = [typeof(GoodQuery), typeof(DoStuff), typeof(BothCommand), typeof(SneakyCommand), typeof(BadPermissionQuery)];
        var offenders = Rules.UseCaseViolations(requests, ShopTypes, _ => "shop", p => p is "shop.orders.read" or "shop.orders.update").ToList();
        string[] For(Type t) => offenders.Where(o => o.StartsWith(t.FullName + ":", StringComparison.Ordinal)).ToArray();

        For(typeof(GoodQuery)).Should().BeEmpty();
        For(typeof(DoStuff)).Should().HaveCount(3).And.Contain(o => o.Contains("named *Command or *Query", StringComparison.Ordinal))
            .And.Contain(o => o.Contains("neither", StringComparison.Ordinal)).And.Contain(o => o.Contains("0 handlers", StringComparison.Ordinal));
        For(typeof(BothCommand)).Should().Contain(o => o.Contains("both", StringComparison.Ordinal))
            .And.Contain(o => o.Contains("not named BothCommandHandler", StringComparison.Ordinal));
        For(typeof(SneakyCommand)).Should().Contain(o => o.Contains("must implement ICommand", StringComparison.Ordinal))
            .And.Contain(o => o.Contains("2 handlers", StringComparison.Ordinal))
            .And.Contain(o => o.Contains("not in the request's namespace", StringComparison.Ordinal));
        For(typeof(BadPermissionQuery)).Should().HaveCount(3, "malformed, foreign prefix and not catalogued");
        For(typeof(GoodQueryRules)).Should().ContainSingle().Which.Should().Contain("GoodQueryValidator");
    }

    [Fact]
    public void Endpoint_rule_catches_undeclared_unenforced_anonymous_and_misnamed_endpoints()
    {
        static RouteEndpoint Endpoint(string pattern, params object[] metadata) =>
            new(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, new EndpointMetadataCollection(metadata), pattern);

        var good = Endpoint("/api/shop/orders/{id:guid}", new PermissionMetadata("shop.orders.read"), new AuthorizeAttribute("perm:shop.orders.read"));
        var publicPage = Endpoint("/health/live", new PublicEndpointMetadata("probe"), new AllowAnonymousAttribute());
        var bare = Endpoint("/api/Shop/order");
        var unenforced = Endpoint("/api/shop/orders", new PermissionMetadata("shop.orders.read"));
        var anonymous = Endpoint("/api/shop/orders/{id}/lines", new PermissionMetadata("shop.orders.read"),
            new AuthorizeAttribute("perm:shop.orders.read"), new AllowAnonymousAttribute());
        var foreign = Endpoint("/api/shop/carts", new PermissionMetadata("deputies.x.read"), new AuthorizeAttribute("perm:deputies.x.read"));
        var uncatalogued = Endpoint("/api/shop/baskets", new PermissionMetadata("shop.baskets.read"), new AuthorizeAttribute("perm:shop.baskets.read"));
        var ownerDecides = Endpoint("/api/shop/files/{id:guid}", new OwnerPermissionMetadata("the owner's policy"), new AuthorizeAttribute());
        var ownerAnonymous = Endpoint("/api/shop/photos/{id:guid}", new OwnerPermissionMetadata("the owner's policy"), new AllowAnonymousAttribute());
        var ownerAndPublic = Endpoint("/api/shop/scans/{id:guid}", new OwnerPermissionMetadata("the owner's policy"),
            new PublicEndpointMetadata("why not"), new AuthorizeAttribute());

        var offenders = Rules.EndpointViolations([good, publicPage, bare, unenforced, anonymous, foreign, uncatalogued, ownerDecides, ownerAnonymous, ownerAndPublic], ["shop", "deputies"],
            p => p is "shop.orders.read" or "deputies.x.read").ToList();
        string[] For(string pattern) => offenders.Where(o => o.Contains(pattern + " [", StringComparison.Ordinal)).ToArray();

        For("/api/shop/orders/{id:guid}").Should().BeEmpty();
        For("/health/live").Should().BeEmpty();
        For("/api/Shop/order").Should().Contain(o => o.Contains("neither", StringComparison.Ordinal))
            .And.Contain(o => o.Contains("is neither a module", StringComparison.Ordinal))
            .And.Contain(o => o.Contains("not kebab-case", StringComparison.Ordinal))
            .And.Contain(o => o.Contains("not plural", StringComparison.Ordinal));
        For("/api/shop/orders").Should().ContainSingle().Which.Should().Contain("policy");
        For("/api/shop/orders/{id}/lines").Should().ContainSingle().Which.Should().Contain("anonymous");
        For("/api/shop/carts").Should().ContainSingle().Which.Should().Contain("does not belong");
        For("/api/shop/baskets").Should().ContainSingle().Which.Should().Contain("catalogue");
        For("/api/shop/files/{id:guid}").Should().BeEmpty();
        For("/api/shop/photos/{id:guid}").Should().ContainSingle().Which.Should().Contain("signed-in");
        For("/api/shop/scans/{id:guid}").Should().Contain(o => o.Contains("more than one", StringComparison.Ordinal));
    }

    [Fact]
    public void Event_rules_catch_non_idempotent_handlers_duplicate_names_and_events_outside_contracts()
    {
        var handlers = new[] { typeof(RawHandler), typeof(GoodHandler), typeof(CopyHandler) };
        var names = new Dictionary<Type, string> { [typeof(RawHandler)] = "shop.raw", [typeof(GoodHandler)] = "shop.good", [typeof(CopyHandler)] = "shop.good" };
        var offenders = Rules.EventHandlerViolations(handlers, t => names[t]).ToList();
        offenders.Should().HaveCount(2);
        offenders.Should().Contain(o => o.StartsWith(typeof(RawHandler).FullName + ":", StringComparison.Ordinal) && o.Contains("IntegrationEventHandler<", StringComparison.Ordinal));
        offenders.Should().ContainSingle(o => o.Contains("Name 'shop.good' is already used", StringComparison.Ordinal));

        var events = Rules.EventViolations([typeof(ThingHappened), typeof(ThingHappenedIntegrationEvent)], []).ToList();
        events.Should().HaveCount(3, "ThingHappened is misnamed and both live outside a contracts assembly");
        Rules.EventViolations([typeof(ThingHappenedIntegrationEvent)], [typeof(ThingHappenedIntegrationEvent).Assembly]).Should().BeEmpty();
    }
}
