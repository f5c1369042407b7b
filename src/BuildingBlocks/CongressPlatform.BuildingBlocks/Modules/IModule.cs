using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CongressPlatform.BuildingBlocks.Modules;

/// <summary>A bounded module of the monolith. The host lists them once (Modules.cs) and calls these in order.</summary>
public interface IModule
{
    /// <summary>The module's name, lower-case: its route prefix, schema and permission prefix.</summary>
    string Name { get; }

    /// <summary>The module's implementation assembly (handlers, validators, event handlers).</summary>
    Assembly Assembly { get; }

    /// <summary>The module's public contracts (integration events, queries, permissions).</summary>
    Assembly ContractsAssembly { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
