using System.Text.RegularExpressions;

namespace CongressPlatform.BuildingBlocks.Tenancy;

/// <summary>Tenant paths are the codes from the root down, slash-delimited: <c>/liucheng/dongliu/</c>.</summary>
public static partial class TenantPaths
{
    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$")]
    public static partial Regex CodePattern();

    public static string Root(string code) => $"/{code}/";

    public static string Child(string parentPath, string code) => $"{parentPath}{code}/";

    public static bool IsWithin(string path, string ancestorPath) => path.StartsWith(ancestorPath, StringComparison.Ordinal);
}
