using System.Globalization;
using System.Text;
using CongressPlatform.Modules.Deputies.Contracts;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>One archive record as the draft reads it.</summary>
internal sealed record DraftRecord(DutyKind Kind, DateOnly OccurredOn, string Title, DutyAttendance Attendance, bool Counts,
    decimal? Amount = null, int? BeneficiaryCount = null, string? LeaveReason = null);

/// <summary>
/// Drafts a deputy's report-back (述职报告) from the year's duty archive, under the five headings the seeds require:
/// ① 履行代表职责发挥作用情况 ② 参加人代会和代表小组活动情况 ③ 联系选民情况 ④ 学习调研情况 ⑤ 为民办实事情况 — each with its
/// count and the notable items (the latest five). Staff and the deputy edit the text before it is finalised; the draft
/// only saves them counting.
/// </summary>
internal static class ReportBackDraft
{
    public const int NotableItems = 5;

    public static readonly IReadOnlyList<(string Heading, DutyKind[] Kinds)> Sections =
    [
        ("一、履行代表职责、发挥代表作用情况", [DutyKind.SuggestionRaised]),
        ("二、参加人代会和代表小组活动情况", [DutyKind.GroupActivity]),
        ("三、联系选民情况", [DutyKind.StationDutyServed, DutyKind.VotersReceived]),
        ("四、学习调研情况", [DutyKind.StudyAttended, DutyKind.InspectionJoined]),
        ("五、为民办实事情况", [DutyKind.DeedForPeople]),
    ];

    public static string Compose(string deputyName, int year, IReadOnlyCollection<DraftRecord> records)
    {
        var text = new StringBuilder();
        var counting = records.Where(r => r.Counts).ToList();
        var leaves = records.Where(r => r.Attendance == DutyAttendance.Leave).ToList();
        text.Append(CultureInfo.InvariantCulture, $"各位选民代表:\n");
        text.Append(CultureInfo.InvariantCulture,
            $"我是{deputyName}。{year}年,我认真履行人大代表职责,共参加各类履职活动 {counting.Count} 次。现将一年来的履职情况报告如下,请予评议。\n");
        foreach (var (heading, kinds) in Sections)
        {
            text.Append('\n').Append(heading).Append('\n');
            var items = counting.Where(r => kinds.Contains(r.Kind)).OrderByDescending(r => r.OccurredOn).ToList();
            var parts = kinds.Select(k => (Kind: k, Count: items.Count(r => r.Kind == k))).ToList();
            if (items.Count == 0)
            {
                text.Append("本年度档案中暂无此项记录。\n");
            }
            else
            {
                text.Append(string.Join(",", parts.Select(p => $"{DutyKindNames.Zh(p.Kind)} {p.Count} 次"))).Append('。');
                if (kinds.Contains(DutyKind.DeedForPeople))
                {
                    var amount = items.Sum(r => r.Amount ?? 0m);
                    var people = items.Sum(r => r.BeneficiaryCount ?? 0);
                    if (amount > 0)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"涉及资金 {amount:0.##} 元");
                        text.Append(people > 0 ? "," : "。");
                    }
                    if (people > 0)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"受益群众 {people} 人。");
                    }
                }
                text.Append("主要有:\n");
                foreach (var item in items.Take(NotableItems))
                {
                    text.Append(CultureInfo.InvariantCulture, $"{item.OccurredOn.Month}月{item.OccurredOn.Day}日,{item.Title};\n");
                }
                if (items.Count > NotableItems)
                {
                    text.Append(CultureInfo.InvariantCulture, $"等,共 {items.Count} 项。\n");
                }
            }
            if (kinds.Contains(DutyKind.GroupActivity) && leaves.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"全年因故请假 {leaves.Count} 次,均已履行请假手续。\n");
            }
        }
        text.Append("\n以上是我的述职报告,不足之处,恳请各位选民代表批评指正。今后我将继续密切联系选民,认真履职尽责。\n");
        return text.ToString();
    }
}
