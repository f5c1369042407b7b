using System.Globalization;
using CongressPlatform.Modules.Deputies.Contracts;

namespace CongressPlatform.Modules.Deputies.Documents;

internal sealed record QuarterRecordLine(DateOnly OccurredOn, DutyKind Kind, string Title, DutyAttendance Attendance, string? LeaveReason, bool Counts);

/// <summary>The quarterly duty report (季度履职档案) and the reminder letter (温馨提示函) as Word documents.</summary>
internal static class QuarterlyDocuments
{
    public static string Period(int year, int quarter)
    {
        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        var last = first.AddMonths(3).AddDays(-1);
        return $"{first.Year}年{first.Month}月{first.Day}日至{last.Year}年{last.Month}月{last.Day}日";
    }

    public static string QuarterName(int year, int quarter) => $"{year}年第{"一二三四"[quarter - 1]}季度";

    public static byte[] Report(string tenantName, string deputyName, int year, int quarter, int total, int rank, int ranked,
        IReadOnlyDictionary<DutyKind, int> byKind, IReadOnlyList<QuarterRecordLine> records, DateOnly generatedOn)
    {
        var attended = records.Where(r => r.Attendance == DutyAttendance.Attended).ToList();
        var leaves = records.Where(r => r.Attendance != DutyAttendance.Attended).ToList();
        var doc = new WordDocument()
            .Title($"{QuarterName(year, quarter)}代表履职档案")
            .Subtitle($"{tenantName} · {deputyName}代表")
            .Paragraph($"统计期间:{Period(year, quarter)}。")
            .Paragraph($"本季度履职积分合计 {total} 分,在本单位 {ranked} 名在任代表中排名第 {rank} 位;履职记录 {attended.Count} 条,请假或缺席 {leaves.Count} 次。")
            .Heading("一、积分构成")
            .Table(["履职类别", "积分"],
                Enum.GetValues<DutyKind>().Where(byKind.ContainsKey)
                    .Select(k => (IReadOnlyList<string>)[DutyKindNames.Zh(k), byKind[k].ToString(CultureInfo.InvariantCulture)])
                    .Append(["合计", total.ToString(CultureInfo.InvariantCulture)]))
            .Heading("二、履职记录");
        if (attended.Count == 0)
        {
            doc.Paragraph("本季度暂无履职记录。");
        }
        else
        {
            doc.Table(["日期", "类别", "事项", "计分"],
                attended.OrderBy(r => r.OccurredOn).Select(r => (IReadOnlyList<string>)[
                    r.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DutyKindNames.Zh(r.Kind), r.Title, r.Counts ? "是" : "否(已更正)"]));
        }
        doc.Heading("三、请假及缺席情况");
        if (leaves.Count == 0)
        {
            doc.Paragraph("本季度无请假或缺席记录。");
        }
        else
        {
            doc.Table(["日期", "事项", "情况", "原因"],
                leaves.OrderBy(r => r.OccurredOn).Select(r => (IReadOnlyList<string>)[
                    r.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Title,
                    r.Attendance == DutyAttendance.Leave ? "请假" : "缺席", r.LeaveReason ?? "—"]));
        }
        return doc.Paragraph(tenantName, indent: false, right: true)
            .Paragraph($"{generatedOn.Year}年{generatedOn.Month}月{generatedOn.Day}日", indent: false, right: true)
            .ToBytes();
    }

    public static string LetterBody(string tenantName, string deputyName, int year, int quarter, int points, int threshold, DateOnly date) =>
        $"""
        {deputyName}代表:
        您好!感谢您一直以来对{tenantName}人大工作的关心和支持。根据本单位代表履职积分管理办法,经统计,您{QuarterName(year, quarter)}的履职积分为 {points} 分,低于本单位确定的季度最低标准 {threshold} 分。
        人大代表肩负人民重托,依法履职是每一位代表的法定职责。希望您合理安排工作时间,积极参加集中学习、视察调研、进站接待选民和代表小组活动,密切联系选民,认真履行代表职责。如因工作等原因确实无法参加活动,请及时履行请假手续。
        特此提示。

        {tenantName}
        {date.Year}年{date.Month}月{date.Day}日
        """;

    public static byte[] Letter(string body) =>
        new WordDocument().Title("温馨提示函").Text(body).ToBytes();
}
