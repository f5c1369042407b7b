using System.Text.RegularExpressions;

namespace CongressPlatform.Modules.Stations.Domain;

/// <summary>A notice's period: from <see cref="Start"/> to the cut-off <see cref="End"/> (the 20th), both inclusive, Beijing dates.</summary>
internal readonly record struct NoticePeriod(DateOnly Start, DateOnly End)
{
    public const int CutOffDay = 20;

    /// <summary>
    /// The period of the notice with cut-off <paramref name="cutOff"/>: from the day after the previous notice's cut-off;
    /// for a station's first notice from its first opinion, or the 21st of the month before when that is earlier or there
    /// is none. Null when an earlier notice already covers the cut-off (nothing to publish again).
    /// </summary>
    public static NoticePeriod? For(DateOnly cutOff, DateOnly? previousEnd, DateOnly? firstOpinionOn)
    {
        if (previousEnd is { } previous)
        {
            return previous >= cutOff ? null : new NoticePeriod(previous.AddDays(1), cutOff);
        }
        var monthBefore = cutOff.AddMonths(-1).AddDays(1);
        var start = firstOpinionOn is { } first && first < monthBefore ? first : monthBefore;
        return new NoticePeriod(start, cutOff);
    }

    /// <summary>The latest 20th on or before <paramref name="today"/>: the cut-off a run "now" compiles.</summary>
    public static DateOnly LatestCutOff(DateOnly today) =>
        today.Day >= CutOffDay ? new DateOnly(today.Year, today.Month, CutOffDay) : new DateOnly(today.Year, today.Month, CutOffDay).AddMonths(-1);

    public static bool IsCutOff(DateOnly date) => date.Day == CutOffDay;

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>
/// Takes personal data out of what residents typed before it goes on a public notice: e-mail addresses, ID-card numbers,
/// mobile numbers (1[3-9] and nine digits, with or without +86 and separators), landlines (an area code starting with 0,
/// or 7–8 digits after a word like 电话), half- or full-width digits, and the names the resident left as contact. Each is
/// replaced by <see cref="Mask"/>. Other numbers (amounts, house numbers, years) are kept.
/// </summary>
internal static class NoticeScrubber
{
    public const string Mask = "＊＊＊";

    private const string D = "[0-9０-９]";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex[] Patterns =
    [
        new(@"[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, Timeout),
        new($@"(?<!{D}){D}{{17}}(?:{D}|[Xx])(?!{D})|(?<!{D}){D}{{15}}(?!{D})", RegexOptions.CultureInvariant, Timeout),
        new($@"(?<!{D})(?:[+＋]?(?:86|８６)[\s\-－]?)?[1１][3-9３-９]{D}[\s\-－]?{D}{{4}}[\s\-－]?{D}{{4}}(?!{D})", RegexOptions.CultureInvariant, Timeout),
        new($@"(?<!{D})(?:[(（][0０]{D}{{2,3}}[)）][\s\-－]?|[0０]{D}{{2,3}}[\s\-－]?){D}{{7,8}}(?:[\-－转]{D}{{1,6}})?(?!{D})", RegexOptions.CultureInvariant, Timeout),
        new($@"(?<=(?:电话|座机|手机|号码|联系方式|tel|Tel|TEL)[::是为\s]{{0,3}}){D}{{7,8}}(?!{D})", RegexOptions.CultureInvariant, Timeout),
    ];

    /// <summary>The text with every recognised personal item masked; <paramref name="names"/> (two characters or more) masked too.</summary>
    public static string Scrub(string text, IReadOnlyCollection<string> names)
    {
        var result = text;
        foreach (var pattern in Patterns)
        {
            result = pattern.Replace(result, Mask);
        }
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length >= 2).Distinct().OrderByDescending(n => n.Length))
        {
            result = result.Replace(name, Mask, StringComparison.Ordinal);
        }
        return result;
    }

    /// <summary>Whether the text still holds anything <see cref="Scrub"/> would mask (the public read's last check).</summary>
    public static bool Contains(string text) => Patterns.Any(p => p.IsMatch(text));
}
