namespace CongressPlatform.Modules.Deputies.Features.Registry;

/// <summary>The registry import's columns, in the template's order, with what the template's notes sheet says of each.</summary>
internal static class ImportColumns
{
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string Ethnicity = "民族";
    public const string BirthYear = "出生年份";
    public const string Party = "政治面貌";
    public const string Education = "学历";
    public const string Occupation = "职业";
    public const string WorkUnit = "工作单位及职务";
    public const string Mobile = "手机号";
    public const string Email = "电子邮箱";
    public const string Level = "代表层级";
    public const string Term = "届次";
    public const string Constituency = "选区";
    public const string ElectedOn = "当选日期";
    public const string ByElection = "是否补选";

    public static readonly IReadOnlyList<(string Header, bool Required, string Note)> All =
    [
        (Name, true, "代表姓名,最多 50 字"),
        (Gender, true, "男 或 女"),
        (Ethnicity, false, "如 汉族;不填为汉族"),
        (BirthYear, false, "四位数字,如 1975"),
        (Party, true, "政治面貌,如 中共党员、群众、民盟盟员"),
        (Education, false, "如 大学本科"),
        (Occupation, false, "如 教师、个体工商户"),
        (WorkUnit, false, "工作单位及职务,最多 200 字"),
        (Mobile, true, "11 位手机号;同一手机号即同一人,已登记的代表将增加席位而不重复建档"),
        (Email, false, "电子邮箱"),
        (Level, true, "乡镇、区(县)、市、省 或 全国"),
        (Term, true, "届次,如 17 或 第十七届"),
        (Constituency, true, "选区名称,如 东柳街道第三选区"),
        (ElectedOn, true, "日期,如 2021-11-18"),
        (ByElection, false, "是 或 否;不填为否"),
    ];
}
