namespace CongressPlatform.Modules.Deputies.Contracts;

/// <summary>Permissions of the Deputies module (<c>deputies.resource.action</c>).</summary>
public static class DeputiesPermissions
{
    public const string PointsPoliciesRead = "deputies.points-policies.read";
    public const string PointsPoliciesUpdate = "deputies.points-policies.update";
}
