using CongressPlatform.Modules.Deputies.Domain;

namespace CongressPlatform.Modules.Deputies.Features.Registry;

/// <summary>The Chinese words of the registry's enums: import cells, the template, exports (the client has its own in locales).</summary>
internal static class RegistryNames
{
    public static readonly IReadOnlyDictionary<Gender, string> Genders = new Dictionary<Gender, string>
    {
        [Gender.Male] = "男",
        [Gender.Female] = "女",
    };

    public static readonly IReadOnlyDictionary<SeatLevel, string> Levels = new Dictionary<SeatLevel, string>
    {
        [SeatLevel.Township] = "乡镇",
        [SeatLevel.District] = "区",
        [SeatLevel.City] = "市",
        [SeatLevel.Province] = "省",
        [SeatLevel.National] = "全国",
    };

    public static readonly IReadOnlyDictionary<SeatStatus, string> Statuses = new Dictionary<SeatStatus, string>
    {
        [SeatStatus.Serving] = "在任",
        [SeatStatus.Resigned] = "辞职",
        [SeatStatus.TermEnded] = "任期届满",
        [SeatStatus.Terminated] = "终止资格",
    };

    public static readonly IReadOnlyDictionary<ConsentItem, string> ConsentItems = new Dictionary<ConsentItem, string>
    {
        [ConsentItem.Phone] = "手机号",
        [ConsentItem.Email] = "电子邮箱",
        [ConsentItem.Photo] = "照片",
        [ConsentItem.WorkUnit] = "工作单位",
    };

    /// <summary>Accepted spellings of a level in an import cell (乡镇, 镇, 乡, 区, 县, 区县, 市…).</summary>
    public static SeatLevel? ParseLevel(string text) => text.Trim().Replace("人大代表", "").Replace("级", "") switch
    {
        "乡镇" or "乡" or "镇" => SeatLevel.Township,
        "区" or "县" or "区县" or "县区" => SeatLevel.District,
        "市" => SeatLevel.City,
        "省" => SeatLevel.Province,
        "全国" => SeatLevel.National,
        _ => null,
    };

    public static Gender? ParseGender(string text) => text.Trim() switch
    {
        "男" => Gender.Male,
        "女" => Gender.Female,
        _ => null,
    };

    /// <summary>第十七届 / 十七 / 17 → 17.</summary>
    public static int? ParseTerm(string text)
    {
        var t = text.Trim().TrimStart('第').TrimEnd('届').Trim();
        if (int.TryParse(t, out var n))
        {
            return n is > 0 and < 100 ? n : null;
        }
        var value = ChineseNumber(t);
        return value is > 0 and < 100 ? value : null;
    }

    /// <summary>第十七届 for 17.</summary>
    public static string TermName(int term) => $"第{ChineseNumeral(term)}届";

    private static readonly string Digits = "零一二三四五六七八九";

    private static string ChineseNumeral(int n) => n switch
    {
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ when n % 10 == 0 => Digits[n / 10] + "十",
        _ => Digits[n / 10] + "十" + Digits[n % 10],
    };

    private static int? ChineseNumber(string t)
    {
        if (t.Length == 0 || t.Any(c => c != '十' && Digits.IndexOf(c) < 0))
        {
            return null;
        }
        var ten = t.IndexOf('十');
        if (ten < 0)
        {
            return t.Length == 1 ? Digits.IndexOf(t[0]) : null;
        }
        var tens = ten == 0 ? 1 : ten == 1 ? Digits.IndexOf(t[0]) : -1;
        var units = ten == t.Length - 1 ? 0 : ten == t.Length - 2 ? Digits.IndexOf(t[^1]) : -1;
        return tens < 0 || units < 0 ? null : tens * 10 + units;
    }

    /// <summary>是 / 否 (and the usual alternatives) for a yes-no cell; empty is no.</summary>
    public static bool? ParseYesNo(string text) => text.Trim() switch
    {
        "" or "否" or "N" or "n" or "0" => false,
        "是" or "Y" or "y" or "1" => true,
        _ => null,
    };
}
