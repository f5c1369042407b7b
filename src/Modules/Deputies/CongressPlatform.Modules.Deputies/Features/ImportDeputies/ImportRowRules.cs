using System.Globalization;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;

namespace CongressPlatform.Modules.Deputies.Features.ImportDeputies;

/// <summary>A row that passed every check: the person and the seat it registers.</summary>
internal sealed record ParsedImportRow(int Number, DeputyDetails Person, SeatLevel Level, int Term, string Constituency, DateOnly ElectedOn, bool ByElection);

/// <summary>
/// The checks of an import that need no database: the header has every required column; each row's required cells,
/// Chinese enum words (男/女, 乡镇/区/市…), mobile and e-mail format, numbers and dates; and duplicates within the file
/// (the same person and seat twice, or one mobile under two names). Every problem is reported, with its row and column.
/// </summary>
internal static class ImportRowRules
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    public static (List<ParsedImportRow> Rows, List<ImportErrorDto> Errors) Validate(ImportFile file, DateOnly today)
    {
        var errors = new List<ImportErrorDto>();
        var missing = ImportColumns.All.Where(c => c.Required && !file.Headers.Contains(c.Header)).Select(c => c.Header).ToList();
        foreach (var header in missing)
        {
            errors.Add(new ImportErrorDto(1, header, $"缺少必填列“{header}”,请使用下载的模板。"));
        }
        if (missing.Count > 0)
        {
            return ([], errors);
        }
        if (file.Rows.Count == 0)
        {
            errors.Add(new ImportErrorDto(2, string.Empty, "文件中没有代表数据。"));
            return ([], errors);
        }

        var parsed = new List<ParsedImportRow>();
        var byMobile = new Dictionary<string, (int Row, string Name)>(StringComparer.Ordinal);
        var seats = new Dictionary<(string Mobile, SeatLevel Level, int Term), int>();
        foreach (var row in file.Rows)
        {
            var rowErrors = new List<ImportErrorDto>();
            void Error(string column, string message) => rowErrors.Add(new ImportErrorDto(row.Number, column, message));

            string Text(string column, int max, bool required)
            {
                var value = row[column];
                if (required && value.Length == 0)
                {
                    Error(column, $"“{column}”为必填项。");
                }
                else if (value.Length > max)
                {
                    Error(column, $"“{column}”不能超过 {max} 个字符。");
                }
                return value;
            }

            var name = Text(ImportColumns.Name, PersonRules.NameMax, true);
            var genderText = Text(ImportColumns.Gender, 2, true);
            var gender = RegistryNames.ParseGender(genderText);
            if (genderText.Length > 0 && gender is null)
            {
                Error(ImportColumns.Gender, $"性别“{genderText}”无法识别,应为“男”或“女”。");
            }
            var ethnicity = Text(ImportColumns.Ethnicity, PersonRules.EthnicityMax, false);
            int? birthYear = null;
            var birthText = row[ImportColumns.BirthYear];
            if (birthText.Length > 0)
            {
                if (int.TryParse(birthText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && PersonRules.IsBirthYear(year, today.Year))
                {
                    birthYear = year;
                }
                else
                {
                    Error(ImportColumns.BirthYear, $"出生年份“{birthText}”应为 1920 至 {today.Year - 18} 之间的四位数字。");
                }
            }
            var party = Text(ImportColumns.Party, PersonRules.PartyMax, true);
            var education = Text(ImportColumns.Education, PersonRules.EducationMax, false);
            var occupation = Text(ImportColumns.Occupation, PersonRules.OccupationMax, false);
            var workUnit = Text(ImportColumns.WorkUnit, PersonRules.WorkUnitMax, false);
            var mobile = Text(ImportColumns.Mobile, 20, true).Replace(" ", "").Replace("-", "");
            if (mobile.Length > 0 && !PersonRules.IsMobile(mobile))
            {
                Error(ImportColumns.Mobile, $"手机号“{mobile}”格式不正确,应为 11 位数字,以 1 开头。");
            }
            var email = Text(ImportColumns.Email, PersonRules.EmailMax, false);
            if (email.Length > 0 && !PersonRules.IsEmail(email))
            {
                Error(ImportColumns.Email, $"电子邮箱“{email}”格式不正确。");
            }
            var levelText = Text(ImportColumns.Level, 20, true);
            var level = RegistryNames.ParseLevel(levelText);
            if (levelText.Length > 0 && level is null)
            {
                Error(ImportColumns.Level, $"代表层级“{levelText}”无法识别,应为乡镇、区、市、省或全国。");
            }
            var termText = Text(ImportColumns.Term, 10, true);
            var term = RegistryNames.ParseTerm(termText);
            if (termText.Length > 0 && term is null)
            {
                Error(ImportColumns.Term, $"届次“{termText}”无法识别,应为数字(如 17)或“第十七届”。");
            }
            var constituency = Text(ImportColumns.Constituency, PersonRules.ConstituencyMax, true);
            var electedText = Text(ImportColumns.ElectedOn, 20, true);
            var electedOn = ParseDate(electedText);
            if (electedText.Length > 0 && electedOn is null)
            {
                Error(ImportColumns.ElectedOn, $"当选日期“{electedText}”无法识别,应为如 2021-11-18 的日期。");
            }
            else if (electedOn is { } d && (d.Year < 1950 || d > today))
            {
                Error(ImportColumns.ElectedOn, $"当选日期“{electedText}”应在 1950 年之后且不晚于今天。");
            }
            var byText = row[ImportColumns.ByElection];
            var byElection = RegistryNames.ParseYesNo(byText);
            if (byElection is null)
            {
                Error(ImportColumns.ByElection, $"是否补选“{byText}”无法识别,应为“是”或“否”。");
            }

            if (rowErrors.Count == 0)
            {
                if (byMobile.TryGetValue(mobile, out var earlier) && earlier.Name != name)
                {
                    Error(ImportColumns.Mobile, $"手机号与第 {earlier.Row} 行相同但姓名不同(同一手机号即同一人)。");
                }
                else if (seats.TryGetValue((mobile, level!.Value, term!.Value), out var same))
                {
                    Error(ImportColumns.Mobile, $"与第 {same} 行重复:同一代表的同级同届席位只能出现一次。");
                }
            }
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }
            byMobile.TryAdd(mobile, (row.Number, name));
            seats[(mobile, level!.Value, term!.Value)] = row.Number;
            parsed.Add(new ParsedImportRow(row.Number,
                new DeputyDetails(name, gender!.Value, ethnicity, birthYear, party, education, occupation, workUnit, mobile, email),
                level.Value, term.Value, constituency, electedOn!.Value, byElection!.Value));
        }
        return (parsed, errors);
    }

    /// <summary>A date cell: text in the usual Chinese forms, or an Excel serial day number (a date-formatted cell).</summary>
    internal static DateOnly? ParseDate(string text)
    {
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 18264 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }
        // An xlsx date written as text with a time (2021-11-18 00:00:00).
        return DateTime.TryParseExact(t, ["yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
            ? DateOnly.FromDateTime(dt)
            : null;
    }
}
