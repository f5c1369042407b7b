namespace CongressPlatform.Modules.Stations.Contracts;

/// <summary>Permissions of the Stations module (<c>stations.resource.action</c>).</summary>
public static class StationsPermissions
{
    public const string StationsRead = "stations.stations.read";
    public const string StationsManage = "stations.stations.manage";

    // ----- duty rota (值班表) -----
    public const string RotaRead = "stations.rota.read";
    public const string RotaManage = "stations.rota.manage";

    /// <summary>A deputy's own duty: their weeks, swap requests and leave.</summary>
    public const string RotaSwap = "stations.rota.swap";

    /// <summary>The weekly reminder job over every tenant.</summary>
    public const string RotaRemindersRun = "stations.rota.run";
}
