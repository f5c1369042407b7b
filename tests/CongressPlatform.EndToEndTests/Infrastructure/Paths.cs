namespace CongressPlatform.EndToEndTests.Infrastructure;

internal static class Paths
{
    /// <summary>The repository root: the folder holding CongressPlatform.sln, found upwards from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The host's build of the same configuration as this test assembly.</summary>
    public static string HostDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(RepositoryRoot, "src", "CongressPlatform.Host", "bin", configuration, "net10.0", "CongressPlatform.Host.dll");
            File.Exists(dll).Should().BeTrue($"the host must be built ({configuration}) before the end-to-end tests run");
            return dll;
        }
    }

    /// <summary>Where artifacts go: <c>$CONGRESS_TEST_RESULTS</c> or <c>TestResults/</c> at the root.</summary>
    public static string Results =>
        Environment.GetEnvironmentVariable("CONGRESS_TEST_RESULTS") is { Length: > 0 } configured ? configured : Path.Combine(RepositoryRoot, "TestResults");

    public static string Screenshots => Path.Combine(Results, "e2e-screenshots");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CongressPlatform.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("CongressPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
