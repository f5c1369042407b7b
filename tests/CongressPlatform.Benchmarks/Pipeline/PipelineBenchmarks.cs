using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Messaging;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.Benchmarks.Pipeline;

/// <summary>
/// What the MediatR pipeline (logging → authorization → validation → unit of work → handler) costs per
/// request, against calling the same trivial handler directly. The container is built with the
/// platform's own <see cref="MessagingServiceCollectionExtensions.AddPlatformMessaging"/>, the real
/// <see cref="CurrentUser"/> in a system scope, and the platform's JSON console logger at Information
/// (as in production: the behaviour's per-request Debug line is filtered out, not written).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PipelineBenchmarks
{
    private readonly PingQuery _query = new(41);
    private readonly PingCommand _command = new(41);

    private ServiceProvider _root = null!;
    private IServiceScope _scope = null!;
    private IServiceScopeFactory _scopes = null!;
    private IMediator _mediator = null!;
    private IRequestHandler<PingQuery, int> _queryHandler = null!;
    private IRequestHandler<PingCommand, int> _commandHandler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = BuildServices().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _scopes = _root.GetRequiredService<IServiceScopeFactory>();
        _scope = _scopes.CreateSystemScope();
        _mediator = _scope.ServiceProvider.GetRequiredService<IMediator>();
        _queryHandler = _scope.ServiceProvider.GetRequiredService<IRequestHandler<PingQuery, int>>();
        _commandHandler = _scope.ServiceProvider.GetRequiredService<IRequestHandler<PingCommand, int>>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _root.Dispose();
    }

    internal static IServiceCollection BuildServices()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b
            .SetMinimumLevel(LogLevel.Information)
            .AddJsonConsole(o => o.IncludeScopes = true));
        services.AddHttpContextAccessor();
        services.AddSingleton(new PermissionCatalog([]));
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(p => p.GetRequiredService<TenantContext>());
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(p => p.GetRequiredService<CurrentUser>());
        // Registers IMediator, ServiceFactory, UnitOfWork, the four behaviours, and scans handlers and validators.
        services.AddPlatformMessaging([typeof(PipelineBenchmarks).Assembly]);
        return services;
    }

    [BenchmarkCategory("Query"), Benchmark(Baseline = true, Description = "(a) query handler called directly")]
    public Task<int> QueryDirect() => _queryHandler.Handle(_query, CancellationToken.None);

    [BenchmarkCategory("Query"), Benchmark(Description = "(b) IMediator.Send query, full pipeline")]
    public Task<int> QueryThroughPipeline() => _mediator.Send(_query, CancellationToken.None);

    [BenchmarkCategory("Query"), Benchmark(Description = "(b') new system scope + Send query")]
    public async Task<int> QueryThroughPipelineInNewScope()
    {
        using var scope = _scopes.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(_query, CancellationToken.None);
    }

    [BenchmarkCategory("Command"), Benchmark(Baseline = true, Description = "(a) command handler called directly")]
    public Task<int> CommandDirect() => _commandHandler.Handle(_command, CancellationToken.None);

    [BenchmarkCategory("Command"), Benchmark(Description = "(c) IMediator.Send command, full pipeline")]
    public Task<int> CommandThroughPipeline() => _mediator.Send(_command, CancellationToken.None);
}
