namespace CongressPlatform.Modules.Identity.Contracts;

/// <summary>Permissions of the Identity module (<c>identity.resource.action</c>).</summary>
public static class IdentityPermissions
{
    public const string TenantsRead = "identity.tenants.read";
    public const string TenantsCreate = "identity.tenants.create";
    public const string TenantsUpdate = "identity.tenants.update";
    public const string HandlingUnitsRead = "identity.handling-units.read";
    public const string HandlingUnitsCreate = "identity.handling-units.create";
    public const string HandlingUnitsUpdate = "identity.handling-units.update";
    public const string UsersRead = "identity.users.read";
    public const string UsersManage = "identity.users.manage";
    public const string ProfileRead = "identity.profile.read";
    public const string SigningKeysRotate = "identity.signing-keys.rotate";
    public const string ClientsManage = "identity.clients.manage";
}
