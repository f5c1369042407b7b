using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CongressPlatform.BuildingBlocks.Security;

public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Tenant = "tid";
    public const string Role = "role";
}

/// <summary>Who is acting in this unit of work, and with which permissions in the active tenant.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    bool IsSystem { get; }
    Guid? UserId { get; }
    string DisplayName { get; }
    IReadOnlyCollection<string> Roles { get; }
    IReadOnlySet<string> Permissions { get; }
    bool HasPermission(string permission);
}

public sealed class CurrentUser(IHttpContextAccessor accessor, PermissionCatalog catalog) : ICurrentUser
{
    private bool _system;
    private ClaimsPrincipal? _principal;
    private IReadOnlySet<string>? _permissions;

    private ClaimsPrincipal? Principal => _principal ?? accessor.HttpContext?.User;

    public bool IsSystem => _system;

    public bool IsAuthenticated => _system || Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId =>
        Guid.TryParse(Principal?.FindFirstValue(ClaimNames.Subject), out var id) ? id : null;

    public string DisplayName => _system ? "system" : Principal?.FindFirstValue(ClaimNames.Name) ?? string.Empty;

    public IReadOnlyCollection<string> Roles =>
        IsAuthenticated && !_system ? Principal!.FindAll(ClaimNames.Role).Select(c => c.Value).ToArray() : [];

    public IReadOnlySet<string> Permissions => _permissions ??= catalog.PermissionsOf(Roles);

    public bool HasPermission(string permission) => _system || (IsAuthenticated && Permissions.Contains(permission));

    /// <summary>Jobs and the outbox act as the system: every permission, no user.</summary>
    public void EnterSystemScope() => _system = true;

    /// <summary>Background work done for a user (an export) acts as that user, whatever request, if any, is around.</summary>
    public void EnterUserScope(ClaimsPrincipal principal)
    {
        if (_system || _principal is not null)
        {
            throw new InvalidOperationException("The user of a scope is set once.");
        }
        _principal = principal;
        _permissions = null;
    }
}
