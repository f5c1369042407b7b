namespace CongressPlatform.Modules.Deputies.Contracts;

/// <summary>Permissions of the Deputies module (<c>deputies.resource.action</c>).</summary>
public static class DeputiesPermissions
{
    public const string PointsPoliciesRead = "deputies.points-policies.read";
    public const string PointsPoliciesUpdate = "deputies.points-policies.update";

    // --- duty archive, groups, rankings, duty lists, my archive ---
    public const string DutyRecordsRead = "deputies.duty-records.read";
    public const string DutyRecordsCreate = "deputies.duty-records.create";
    public const string DutyRecordsCorrect = "deputies.duty-records.correct";
    public const string GroupsRead = "deputies.groups.read";
    public const string GroupsManage = "deputies.groups.manage";
    public const string PresidiumContactsRead = "deputies.presidium-contacts.read";
    public const string PresidiumContactsManage = "deputies.presidium-contacts.manage";
    public const string RankingsRead = "deputies.rankings.read";
    public const string DutyListsRead = "deputies.duty-lists.read";
    public const string DutyListsManage = "deputies.duty-lists.manage";
    public const string MyArchiveRead = "deputies.my-archive.read";
}
