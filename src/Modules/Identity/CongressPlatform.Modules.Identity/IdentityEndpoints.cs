using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Features.HandlingUnits;
using CongressPlatform.Modules.Identity.Features.Tenants;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.Modules.Identity;

internal static class IdentityEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var tenants = endpoints.MapGroup("/api/identity/tenants").WithTags("Identity: tenants");
        tenants.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListTenantsQuery(), ct))
            .RequirePermission(IdentityPermissions.TenantsRead).WithName("ListTenants");
        tenants.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetTenantQuery(id), ct))
            .RequirePermission(IdentityPermissions.TenantsRead).WithName("GetTenant");
        tenants.MapPost("/", async (CreateTenantCommand command, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(command, ct);
                return TypedResults.Created($"/api/identity/tenants/{created.Id}", created);
            })
            .RequirePermission(IdentityPermissions.TenantsCreate).WithName("CreateTenant");
        tenants.MapPut("/{id:guid}", (Guid id, UpdateTenantBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(IdentityPermissions.TenantsUpdate).WithName("UpdateTenant");

        var units = endpoints.MapGroup("/api/identity/handling-units").WithTags("Identity: handling units");
        units.MapGet("/", (Guid? tenantId, string? search, bool? includeInactive, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                m.Send(new ListHandlingUnitsQuery(tenantId, search, includeInactive ?? false, page, pageSize), ct))
            .RequirePermission(IdentityPermissions.HandlingUnitsRead).WithName("ListHandlingUnits");
        units.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetHandlingUnitQuery(id), ct))
            .RequirePermission(IdentityPermissions.HandlingUnitsRead).WithName("GetHandlingUnit");
        units.MapPost("/", async (CreateHandlingUnitCommand command, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(command, ct);
                return TypedResults.Created($"/api/identity/handling-units/{created.Id}", created);
            })
            .RequirePermission(IdentityPermissions.HandlingUnitsCreate).WithName("CreateHandlingUnit");
        units.MapPut("/{id:guid}", (Guid id, UpdateHandlingUnitBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(IdentityPermissions.HandlingUnitsUpdate).WithName("UpdateHandlingUnit");
    }
}
