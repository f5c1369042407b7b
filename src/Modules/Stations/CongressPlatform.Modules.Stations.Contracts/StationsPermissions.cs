namespace CongressPlatform.Modules.Stations.Contracts;

/// <summary>Permissions of the Stations module (<c>stations.resource.action</c>).</summary>
public static class StationsPermissions
{
    public const string StationsRead = "stations.stations.read";
    public const string StationsManage = "stations.stations.manage";

    /// <summary>Edit a station: staff any of their tenant's, a keeper only the details of the stations they keep.</summary>
    public const string StationsUpdate = "stations.stations.update";

    /// <summary>Assign deputies to stations and end assignments.</summary>
    public const string AssignmentsManage = "stations.assignments.manage";
}
