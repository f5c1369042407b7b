using CongressPlatform.ArchitectureTests.Infrastructure;
using MediatR;

namespace CongressPlatform.ArchitectureTests;

/// <summary>ARCHITECTURE rule 3 and the names table: requests, handlers, validators and their permissions.</summary>
[Collection(HostCollection.Name)]
public sealed class UseCaseTests(HostFixture host)
{
    public static IReadOnlyList<Type> Requests =>
        Architecture.HandlerAssemblies.Concat(Architecture.ContractsAssemblies)
            .SelectMany(a => a.LoadableTypes())
            .Where(t => t.IsConcrete() && typeof(IBaseRequest).IsAssignableFrom(t))
            .ToList();

    [Fact]
    public void There_are_requests_to_check()
    {
        Requests.Should().HaveCountGreaterThan(5).And.Contain(t => t.Assembly == Architecture.BuildingBlocks);
    }

    [Fact]
    public void Every_request_is_a_named_command_or_query_with_one_permission_declaration_and_one_handler()
    {
        var candidates = Architecture.HandlerAssemblies.SelectMany(a => a.LoadableTypes()).ToList();
        var offenders = Rules.UseCaseViolations(Requests, candidates, Architecture.PermissionPrefixOf, host.Catalog.Exists).ToList();
        offenders.Should().BeEmpty(Architecture.Report("Use-case rule violations", offenders));
    }

    [Fact]
    public void Every_catalogued_permission_is_well_formed_and_owned_by_a_module_or_the_platform()
    {
        var owners = Architecture.Modules.Select(m => m.Name).Append(Architecture.PlatformPrefix).ToHashSet(StringComparer.Ordinal);
        var offenders = host.Catalog.All
            .Where(p => !Rules.PermissionName().IsMatch(p.Name) || !owners.Contains(p.Name.Split('.')[0])
                        || string.IsNullOrWhiteSpace(p.ZhName) || string.IsNullOrWhiteSpace(p.EnName))
            .Select(p => p.Name)
            .ToList();
        host.Catalog.All.Should().NotBeEmpty();
        offenders.Should().BeEmpty(Architecture.Report("Malformed or unowned permissions (or without names for people)", offenders));
    }
}

/// <summary>Validators are singletons (built once, MessagingServiceCollectionExtensions): they may depend on the clock only.</summary>
public sealed class ValidatorLifetimeTests
{
    [Fact]
    public void Every_validator_depends_on_nothing_but_the_clock()
    {
        var validators = Architecture.HandlerAssemblies.SelectMany(a => a.LoadableTypes())
            .Where(t => t.IsConcrete() && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>)))
            .ToList();
        validators.Should().HaveCountGreaterThan(20);
        var offenders = validators
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType != typeof(TimeProvider))))
            .Select(t => t.FullName!)
            .ToList();
        offenders.Should().BeEmpty(Architecture.Report(
            "Validators with a dependency other than TimeProvider (they are singletons: check the database in the handler)", offenders));
    }
}
