using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Features.Clients;
using CongressPlatform.Modules.Identity.Features.HandlingUnits;
using CongressPlatform.Modules.Identity.Features.Profile;
using CongressPlatform.Modules.Identity.Features.SigningKeys;
using CongressPlatform.Modules.Identity.Features.Tenants;
using CongressPlatform.Modules.Identity.Features.Users;
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
        units.MapGet("/{id:guid}/officers", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListHandlingUnitOfficersQuery(id), ct))
            .RequirePermission(IdentityPermissions.HandlingUnitsRead).WithName("ListHandlingUnitOfficers");
        units.MapPut("/{id:guid}/officers", (Guid id, SetHandlingUnitOfficersBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(IdentityPermissions.HandlingUnitsUpdate).WithName("SetHandlingUnitOfficers");

        var users = endpoints.MapGroup("/api/identity/users").WithTags("Identity: users");
        users.MapGet("/", (string? search, Guid? tenantId, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                m.Send(new ListUsersQuery(search, tenantId, page, pageSize), ct))
            .RequirePermission(IdentityPermissions.UsersRead).WithName("ListUsers");
        users.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetUserQuery(id), ct))
            .RequirePermission(IdentityPermissions.UsersRead).WithName("GetUser");
        users.MapPost("/", async (CreateUserCommand command, IMediator m, HttpContext http, CancellationToken ct) =>
            {
                var created = await m.Send(command, ct);
                // The temporary password is in this answer only: no cache may keep it.
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Created($"/api/identity/users/{created.User.Id}", created);
            })
            .RequirePermission(IdentityPermissions.UsersManage).WithName("CreateUser");
        users.MapPut("/{id:guid}", (Guid id, UpdateUserBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(IdentityPermissions.UsersManage).WithName("UpdateUser");
        users.MapPut("/{id:guid}/memberships/{tenantId:guid}", (Guid id, Guid tenantId, SetMembershipBody body, IMediator m, CancellationToken ct) =>
                m.Send(body.ToCommand(id, tenantId), ct))
            .RequirePermission(IdentityPermissions.UsersManage).WithName("SetMembership");
        users.MapDelete("/{id:guid}/memberships/{tenantId:guid}", async (Guid id, Guid tenantId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RemoveMembershipCommand(id, tenantId), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(IdentityPermissions.UsersManage).WithName("RemoveMembership");
        users.MapPost("/{id:guid}/reset-password", async (Guid id, IMediator m, HttpContext http, CancellationToken ct) =>
            {
                var reset = await m.Send(new ResetPasswordCommand(id), ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(reset);
            })
            .RequirePermission(IdentityPermissions.UsersManage).WithName("ResetPassword");
        users.MapPost("/{id:guid}/disable", (Guid id, IMediator m, CancellationToken ct) => m.Send(new SetAccountStatusCommand(id, false), ct))
            .RequirePermission(IdentityPermissions.UsersManage).WithName("DisableUser");
        users.MapPost("/{id:guid}/enable", (Guid id, IMediator m, CancellationToken ct) => m.Send(new SetAccountStatusCommand(id, true), ct))
            .RequirePermission(IdentityPermissions.UsersManage).WithName("EnableUser");
        users.MapPost("/{id:guid}/unlock", (Guid id, IMediator m, CancellationToken ct) => m.Send(new UnlockUserCommand(id), ct))
            .RequirePermission(IdentityPermissions.UsersManage).WithName("UnlockUser");
        users.MapPost("/{id:guid}/end-sessions", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new EndSessionsCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(IdentityPermissions.UsersManage).WithName("EndUserSessions");

        endpoints.MapGet("/api/identity/me", (IMediator m, CancellationToken ct) => m.Send(new GetMeQuery(), ct))
            .RequirePermission(IdentityPermissions.ProfileRead).WithTags("Identity: me").WithName("GetMe");
        endpoints.MapPost("/api/identity/signing-keys/rotate", (IMediator m, CancellationToken ct) => m.Send(new RotateSigningKeyCommand(), ct))
            .RequirePermission(IdentityPermissions.SigningKeysRotate).WithTags("Identity: provider").WithName("RotateSigningKey");
        var clients = endpoints.MapGroup("/api/identity/clients").WithTags("Identity: single sign-on clients");
        clients.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListClientsQuery(), ct))
            .RequirePermission(IdentityPermissions.ClientsManage).WithName("ListClients");
        clients.MapPost("/", async (RegisterClientCommand command, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(command, ct);
                return TypedResults.Created($"/api/identity/clients/{created.Client.Id}", created);
            })
            .RequirePermission(IdentityPermissions.ClientsManage).WithName("RegisterClient");
        clients.MapPut("/{id:guid}", (Guid id, UpdateClientBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(IdentityPermissions.ClientsManage).WithName("UpdateClient");
        clients.MapPost("/{id:guid}/secret", (Guid id, IMediator m, CancellationToken ct) => m.Send(new RenewClientSecretCommand(id), ct))
            .RequirePermission(IdentityPermissions.ClientsManage).WithName("RenewClientSecret");
    }
}
