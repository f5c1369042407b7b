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
}
