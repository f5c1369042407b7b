using BenchmarkDotNet.Running;
using CongressPlatform.Benchmarks.Serve;

namespace CongressPlatform.Benchmarks;

/// <summary>
/// <c>serve [--provider Sqlite|PostgreSql] [--units N] [--port P]</c> starts the real platform for load tests
/// (load/run-wrk.sh); <c>opinions-audit</c> counts what a load run stored (load/run-wrk-opinions.sh); anything else goes to BenchmarkDotNet (e.g. <c>--filter * --job short</c>).
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && string.Equals(args[0], "serve", StringComparison.OrdinalIgnoreCase))
        {
            return await ServeMode.RunAsync(args[1..]);
        }
        if (args.Length > 0 && string.Equals(args[0], "opinions-audit", StringComparison.OrdinalIgnoreCase))
        {
            return await OpinionsAudit.RunAsync(args[1..]);
        }
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
