namespace CongressPlatform.Modules.Stations.Contracts;

/// <summary>Permissions of the Stations module (<c>stations.resource.action</c>).</summary>
public static class StationsPermissions
{
    public const string StationsRead = "stations.stations.read";
    public const string StationsManage = "stations.stations.manage";
}
