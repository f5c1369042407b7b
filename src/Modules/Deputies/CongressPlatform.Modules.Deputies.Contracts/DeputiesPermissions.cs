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
    // ----- Registry (deputies-reg): persons, seats, consent, invite, import/export -----
    public const string DeputiesRead = "deputies.deputies.read";
    public const string DeputiesCreate = "deputies.deputies.create";
    public const string DeputiesUpdate = "deputies.deputies.update";
    public const string DeputiesImport = "deputies.deputies.import";
    public const string DeputiesInvite = "deputies.deputies.invite";

    /// <summary>See a deputy's full mobile and e-mail (every reveal is audited); lists and profiles always mask them.</summary>
    public const string DeputiesRevealContact = "deputies.deputies.reveal-contact";
    // ----- end registry -----
    // ----- Report-back to voters (述职) and the quarterly push (季度履职档案, 温馨提示函) -----
    public const string ReportBacksRead = "deputies.report-backs.read";
    public const string ReportBacksManage = "deputies.report-backs.manage";
    public const string QuarterlyReportsRead = "deputies.quarterly-reports.read";
    public const string QuarterlyReportsManage = "deputies.quarterly-reports.manage";
    public const string QuarterlyReportsRun = "deputies.quarterly-reports.run";
    public const string QuarterlySettingsUpdate = "deputies.quarterly-settings.update";
    public const string MyReportsRead = "deputies.my-reports.read";
    public const string MyReportBacksEdit = "deputies.my-report-backs.edit";
}
