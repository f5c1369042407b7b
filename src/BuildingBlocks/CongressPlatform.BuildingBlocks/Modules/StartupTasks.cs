using CongressPlatform.BuildingBlocks.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Modules;

/// <summary>Work a module does once at start-up, after migrations (demo data, for instance). Runs in a system scope.</summary>
public interface IStartupTask
{
    Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}

public static class StartupTasks
{
    public static async Task RunStartupTasksAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        foreach (var task in services.GetServices<IStartupTask>())
        {
            using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
            await task.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }
}
