using CongressPlatform.ArchitectureTests.Infrastructure;

namespace CongressPlatform.ArchitectureTests;

/// <summary>"Everything internal except &lt;Module&gt;Module": another module cannot even see a handler or a DbContext.</summary>
public sealed class ModuleSurfaceTests
{
    public static TheoryData<string> ModuleNames() => ModuleIsolationTests.ModuleNames();

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Only_the_module_class_requests_DTOs_bodies_and_enums_are_public(string name)
    {
        var module = Architecture.Modules.Single(m => m.Name == name);
        var root = module.Assembly.GetName().Name!;
        var exported = module.Assembly.GetExportedTypes();
        exported.Should().Contain(module.GetType());
        var offenders = Rules.SurfaceViolations(root, module.GetType().Name, exported).ToList();
        offenders.Should().BeEmpty(Architecture.Report($"Public types of {root} that must be internal", offenders));
    }

    [Fact]
    public void No_two_public_types_share_a_name_because_the_OpenAPI_document_names_schemas_by_type_name()
    {
        // Two DTOs called PublicStationDeputyDto in two namespaces once became one schema in openapi.json, and the
        // client's types for one of the pages were silently wrong.
        var types = Architecture.HandlerAssemblies.Concat(Architecture.ContractsAssemblies).Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsNested && !t.IsGenericTypeDefinition && !t.IsInterface && !t.IsAbstract);
        var clashes = types.GroupBy(t => t.Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}").ToList();
        clashes.Should().BeEmpty(Architecture.Report("Public types with the same name in different namespaces", clashes));
    }
}
