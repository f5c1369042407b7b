using CongressPlatform.ArchitectureTests.Infrastructure;

namespace CongressPlatform.ArchitectureTests;

/// <summary>Layering inside a module: the domain is free of EF Core and ASP.NET Core.</summary>
public sealed class DomainLayeringTests
{
    public static readonly string[] Forbidden = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"];

    public static TheoryData<string> ModuleNames() => ModuleIsolationTests.ModuleNames();

    public static bool IsPersistenceOrWeb(Type type) =>
        Forbidden.Any(p => type.Namespace is { } ns && (ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal)));

    public static IEnumerable<Type> DomainTypes(IEnumerable<Type> types, string root) =>
        types.Where(t => t.Namespace is { } ns && (ns == root + ".Domain" || ns.StartsWith(root + ".Domain.", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Domain_types_use_neither_EF_Core_nor_ASP_NET_Core(string name)
    {
        var module = Architecture.Modules.Single(m => m.Name == name);
        var domain = DomainTypes(module.Assembly.LoadableTypes(), module.Assembly.GetName().Name!).ToList();
        var offenders = Rules.ForbiddenUsages(domain, IsPersistenceOrWeb).ToList();
        offenders.Should().BeEmpty(Architecture.Report("Domain types depending on EF Core or ASP.NET Core", offenders));
    }
}
