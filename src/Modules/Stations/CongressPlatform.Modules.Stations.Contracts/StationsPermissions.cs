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

    // ----- duty rota (值班表) -----
    public const string RotaRead = "stations.rota.read";
    public const string RotaManage = "stations.rota.manage";

    /// <summary>A deputy's own duty: their weeks, swap requests and leave.</summary>
    public const string RotaSwap = "stations.rota.swap";

    /// <summary>The weekly reminder job over every tenant.</summary>
    public const string RotaRemindersRun = "stations.rota.run";

    // ----- centralised reception events (集中接待选民活动) -----
    /// <summary>The list and the detail of reception events (the district reads its streets').</summary>
    public const string ReceptionsRead = "stations.receptions.read";

    /// <summary>Plan, edit, cancel an event, record attendance and close it (duty records to the archive).</summary>
    public const string ReceptionsManage = "stations.receptions.manage";

    /// <summary>A deputy's own reception events and asking for leave from one.</summary>
    public const string ReceptionsAttend = "stations.receptions.attend";

    /// <summary>The opinion inbox and an opinion's detail (社情民意).</summary>
    public const string OpinionsRead = "stations.opinions.read";

    /// <summary>Intake, triage, referral, feedback and closing.</summary>
    public const string OpinionsManage = "stations.opinions.manage";

    /// <summary>A handling unit's officer answers the opinions referred to the unit.</summary>
    public const string OpinionsAnswer = "stations.opinions.answer";

    /// <summary>The monthly public notices (月度公示) and their items.</summary>
    public const string NoticesRead = "stations.notices.read";

    /// <summary>Compile ("run now"), review, publish and withdraw monthly notices.</summary>
    public const string NoticesManage = "stations.notices.manage";

    /// <summary>The monthly notice job over every tenant.</summary>
    public const string NoticesRun = "stations.notices.run";
}
