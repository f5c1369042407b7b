namespace CongressPlatform.Modules.Deputies.Contracts;

/// <summary>Permissions of the Deputies module (<c>deputies.resource.action</c>).</summary>
public static class DeputiesPermissions
{
    public const string PointsPoliciesRead = "deputies.points-policies.read";
    public const string PointsPoliciesUpdate = "deputies.points-policies.update";

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
