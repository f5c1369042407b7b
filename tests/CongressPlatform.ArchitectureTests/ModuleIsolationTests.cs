using System.Reflection;
using System.Xml.Linq;
using CongressPlatform.ArchitectureTests.Infrastructure;

namespace CongressPlatform.ArchitectureTests;

/// <summary>ARCHITECTURE rule 1: modules meet only through Contracts; the kernel knows neither EF Core nor ASP.NET Core.</summary>
public sealed class ModuleIsolationTests
{
    private static readonly string[] PersistenceAndWeb = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"];

    public static TheoryData<string> ModuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var module in Architecture.Modules)
        {
            data.Add(module.Name);
        }
        return data;
    }

    private static CongressPlatform.BuildingBlocks.Modules.IModule Module(string name) => Architecture.Modules.Single(m => m.Name == name);

    [Fact]
    public void Every_module_assembly_in_the_build_is_listed_once_in_Modules_All()
    {
        var listed = Architecture.Modules.SelectMany(m => new[] { m.Assembly, m.ContractsAssembly }).ToList();
        listed.Should().OnlyHaveUniqueItems("a module and its contracts are listed once");
        var built = Architecture.Production.Where(a => a.GetName().Name!.StartsWith("CongressPlatform.Modules.", StringComparison.Ordinal));
        built.Should().BeSubsetOf(listed, "every module project must be registered in CongressPlatform.Host.Modules.All");
        foreach (var module in Architecture.Modules)
        {
            var suffix = module.Assembly.GetName().Name!["CongressPlatform.Modules.".Length..];
            module.Name.Should().Be(suffix.ToLowerInvariant(), "a module's name is its project's suffix in lower case");
            module.ContractsAssembly.GetName().Name.Should().Be(module.Assembly.GetName().Name + ".Contracts");
            module.GetType().Name.Should().Be(suffix + "Module");
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_other_modules_only_through_their_contracts(string name)
    {
        var module = Module(name);
        var allowed = Architecture.ContractsAssemblies.Select(a => a.GetName().Name)
            .Append(Architecture.SharedKernel.GetName().Name)
            .Append(Architecture.BuildingBlocks.GetName().Name)
            .ToHashSet(StringComparer.Ordinal);
        var offenders = Rules.ForbiddenReferences(module.Assembly,
            r => r.Name!.StartsWith("CongressPlatform.", StringComparison.Ordinal) && !allowed.Contains(r.Name));
        offenders.Should().BeEmpty(Architecture.Report("References to another module's implementation or to the host", offenders));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void No_type_of_a_module_uses_a_type_of_another_module_implementation_or_of_the_host(string name)
    {
        var module = Module(name);
        var forbidden = Architecture.ModuleAssemblies.Where(a => a != module.Assembly).Append(Architecture.Host).ToHashSet();
        var offenders = Rules.ForbiddenUsages(module.Assembly.LoadableTypes(), t => forbidden.Contains(t.Assembly)).ToList();
        offenders.Should().BeEmpty(Architecture.Report("Uses of another module's implementation or of the host", offenders));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_reference_only_the_shared_kernel_and_the_framework(string name)
    {
        var contracts = Module(name).ContractsAssembly;
        var offenders = Rules.ForbiddenReferences(contracts, r => !IsFrameworkOrKernel(r)).ToList();
        offenders.Should().BeEmpty(Architecture.Report("Contracts references beyond SharedKernel, MediatR and the BCL", offenders));

        var forbidden = Architecture.ModuleAssemblies.Append(Architecture.BuildingBlocks).Append(Architecture.Host).ToHashSet();
        var usages = Rules.ForbiddenUsages(contracts.LoadableTypes(), t => forbidden.Contains(t.Assembly)).ToList();
        usages.Should().BeEmpty(Architecture.Report("Contracts types using BuildingBlocks, a module or the host", usages));
    }

    [Fact]
    public void The_shared_kernel_references_no_EF_Core_no_ASP_NET_Core_and_nothing_of_ours()
    {
        var offenders = Rules.ForbiddenReferences(Architecture.SharedKernel, r =>
                PersistenceAndWeb.Any(p => r.Name!.StartsWith(p, StringComparison.Ordinal))
                || r.Name!.StartsWith("CongressPlatform.", StringComparison.Ordinal))
            .ToList();
        offenders.Should().BeEmpty(Architecture.Report("SharedKernel references", offenders));
        var usages = Rules.ForbiddenUsages(Architecture.SharedKernel.LoadableTypes(),
            t => PersistenceAndWeb.Any(p => t.Namespace?.StartsWith(p, StringComparison.Ordinal) == true)).ToList();
        usages.Should().BeEmpty(Architecture.Report("SharedKernel types using EF Core or ASP.NET Core", usages));
    }

    [Fact]
    public void BuildingBlocks_know_no_module_and_no_host()
    {
        var offenders = Rules.ForbiddenReferences(Architecture.BuildingBlocks, r =>
                r.Name!.StartsWith("CongressPlatform.Modules.", StringComparison.Ordinal) || r.Name == Architecture.Host.GetName().Name)
            .ToList();
        offenders.Should().BeEmpty(Architecture.Report("BuildingBlocks references", offenders));
    }

    /// <summary>
    /// The compiler drops an assembly reference nobody uses, so the project files are checked too: a module project may
    /// reference BuildingBlocks, the kernel and .Contracts projects only; a .Contracts project the kernel only.
    /// </summary>
    [Fact]
    public void Module_projects_reference_only_building_blocks_and_contracts_projects()
    {
        var modules = Path.Combine(Architecture.RepositoryRoot().FullName, "src", "Modules");
        var offenders = new List<string>();
        var projects = Directory.GetFiles(modules, "*.csproj", SearchOption.AllDirectories);
        projects.Should().NotBeEmpty();
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var isContracts = name.EndsWith(".Contracts", StringComparison.Ordinal);
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference").Select(e => (string?)e.Attribute("Include") ?? string.Empty))
            {
                var target = Path.GetFileNameWithoutExtension(reference.Replace('\\', '/'));
                var ok = isContracts
                    ? target == "CongressPlatform.SharedKernel"
                    : target is "CongressPlatform.SharedKernel" or "CongressPlatform.BuildingBlocks" || target.EndsWith(".Contracts", StringComparison.Ordinal);
                if (!ok)
                {
                    offenders.Add($"{name} references project {target}");
                }
            }
        }
        offenders.Should().BeEmpty(Architecture.Report("Forbidden project references", offenders));
    }

    private static bool IsFrameworkOrKernel(AssemblyName reference) =>
        reference.Name == Architecture.SharedKernel.GetName().Name
        || reference.Name == "MediatR"
        || reference.Name is "netstandard" or "mscorlib"
        || reference.Name!.StartsWith("System.", StringComparison.Ordinal)
        || reference.Name == "System";
}
