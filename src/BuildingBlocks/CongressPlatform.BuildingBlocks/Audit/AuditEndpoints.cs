using CongressPlatform.BuildingBlocks.Audit.Features;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The platform audit log (ADR 0019): its schema <c>audit</c>, <see cref="IAuditLog"/>, the export source and the
    /// daily retention job. Commands are recorded by the pipeline's audit behaviour once this is registered.
    /// </summary>
    public static IServiceCollection AddPlatformAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddModuleDbContext<AuditDbContext>();
        services.AddSingleton<AuditChainWriter>();
        services.AddScoped<AuditLog>();
        services.AddScoped<IAuditLog>(p => p.GetRequiredService<AuditLog>());
        services.AddScoped(p => new AuditImporter(p.GetRequiredService<AuditDbContext>(), p.GetRequiredService<AuditChainWriter>()));
        services.AddScoped<IExportSource, AuditExportSource>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();
        services.AddRecurringCommand<ApplyAuditRetentionCommand>(
            "platform.audit-retention", "0 15 2 * * ?", "清理超过保留期的审计日志(每日)", "Delete audit entries past their retention (daily)");
        return services;
    }
}

public static class AuditEndpoints
{
    /// <summary>The audit log API for the audit administrator: <c>/api/platform/audit-entries</c>.</summary>
    public static IEndpointRouteBuilder MapPlatformAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/platform/audit-entries").WithTags("Platform: audit log");
        audit.MapGet("/", (
                    DateTimeOffset? from, DateTimeOffset? to, Guid? userId, string? userName, Guid? tenantId, string? action,
                    string? category, string? entityType, string? entityId, string? outcome, string? text, int? page, int? pageSize,
                    IMediator m, CancellationToken ct) =>
                m.Send(new SearchAuditEntriesQuery(
                    new AuditFilter(from, to, userId, userName, tenantId, action, category, entityType, entityId, outcome, text), page, pageSize), ct))
            .RequirePermission(PlatformPermissions.AuditRead).WithName("SearchAuditEntries");
        audit.MapGet("/{seq:long}", (long seq, IMediator m, CancellationToken ct) => m.Send(new GetAuditEntryQuery(seq), ct))
            .RequirePermission(PlatformPermissions.AuditRead).WithName("GetAuditEntry");
        audit.MapPost("/verify", (IMediator m, CancellationToken ct) => m.Send(new VerifyAuditChainQuery(), ct))
            .RequirePermission(PlatformPermissions.AuditRead).WithName("VerifyAuditChain");
        return endpoints;
    }
}
