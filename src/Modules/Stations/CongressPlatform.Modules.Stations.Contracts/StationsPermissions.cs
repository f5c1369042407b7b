namespace CongressPlatform.Modules.Stations.Contracts;

/// <summary>Permissions of the Stations module (<c>stations.resource.action</c>).</summary>
public static class StationsPermissions
{
    public const string StationsRead = "stations.stations.read";
    public const string StationsManage = "stations.stations.manage";

    /// <summary>The opinion inbox and an opinion's detail (社情民意).</summary>
    public const string OpinionsRead = "stations.opinions.read";

    /// <summary>Intake, triage, referral, feedback and closing.</summary>
    public const string OpinionsManage = "stations.opinions.manage";

    /// <summary>A handling unit's officer answers the opinions referred to the unit.</summary>
    public const string OpinionsAnswer = "stations.opinions.answer";
}
