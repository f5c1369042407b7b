using System.Reflection;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using HostModules = CongressPlatform.Host.Modules;

namespace CongressPlatform.ArchitectureTests.Infrastructure;

/// <summary>The production assemblies and the modules, as the host composes them.</summary>
public static class Architecture
{
    public const string PlatformPrefix = "platform";

    public static IReadOnlyList<IModule> Modules => HostModules.All;

    public static Assembly SharedKernel => typeof(Entity).Assembly;

    public static Assembly BuildingBlocks => typeof(PermissionCatalog).Assembly;

    public static Assembly Host => typeof(HostModules).Assembly;

    public static IEnumerable<Assembly> ModuleAssemblies => Modules.Select(m => m.Assembly);

    public static IEnumerable<Assembly> ContractsAssemblies => Modules.Select(m => m.ContractsAssembly);

    /// <summary>Every <c>CongressPlatform.*</c> assembly beside the tests that is not a test or benchmark assembly.</summary>
    public static IReadOnlyList<Assembly> Production { get; } = Directory
        .GetFiles(AppContext.BaseDirectory, "CongressPlatform.*.dll")
        .Select(Path.GetFileNameWithoutExtension)
        .Where(n => !n!.EndsWith("Tests", StringComparison.Ordinal) && !n.EndsWith("Benchmarks", StringComparison.Ordinal))
        .Select(n => Assembly.Load(n!))
        .OrderBy(a => a.GetName().Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Where request handlers, validators and integration-event handlers live: the modules and BuildingBlocks.</summary>
    public static IEnumerable<Assembly> HandlerAssemblies => ModuleAssemblies.Append(BuildingBlocks);

    /// <summary>The module a type belongs to (its implementation or its contracts), or null for the platform.</summary>
    public static IModule? ModuleOf(Type type) =>
        Modules.SingleOrDefault(m => m.Assembly == type.Assembly || m.ContractsAssembly == type.Assembly);

    /// <summary>The permission prefix of a type's owner: the module's name, or <c>platform</c> for BuildingBlocks.</summary>
    public static string PermissionPrefixOf(Type type) => ModuleOf(type)?.Name ?? PlatformPrefix;

    public static IEnumerable<Type> LoadableTypes(this Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }

    public static bool IsConcrete(this Type type) => type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false };

    public static bool IsRecord(this Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
        || type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    /// <summary>The closed generic interfaces of <paramref name="type"/> built on <paramref name="definition"/>.</summary>
    public static IEnumerable<Type> Closing(this Type type, Type definition) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    public static Type? BaseClosing(this Type type, Type definition)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == definition)
            {
                return t;
            }
        }
        return null;
    }

    public static string Report(string title, IEnumerable<string> offenders)
    {
        var list = offenders.ToList();
        return list.Count == 0 ? string.Empty : $"{title} ({list.Count}):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", list)}";
    }

    /// <summary>The repository root (where CongressPlatform.sln is), found by walking up from the test binaries.</summary>
    public static DirectoryInfo RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CongressPlatform.sln")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException("CongressPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
