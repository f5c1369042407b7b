using System.Text.RegularExpressions;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.SharedKernel;
using FluentValidation;

namespace CongressPlatform.Modules.Deputies.Features.Registry;

/// <summary>The field rules of a person and of a seat: the registry form and each import row keep the same ones.</summary>
internal static partial class PersonRules
{
    public const int NameMax = 50;
    public const int PartyMax = 50;
    public const int EthnicityMax = 20;
    public const int EducationMax = 50;
    public const int OccupationMax = 100;
    public const int WorkUnitMax = 200;
    public const int EmailMax = 200;
    public const int ConstituencyMax = 100;
    public const int ReasonMax = 500;

    /// <summary>A mainland mobile number: 11 digits starting with 1 (as the sign-in's phone rule).</summary>
    public static bool IsMobile(string? value) => value is not null && MobilePattern().IsMatch(value.Trim());

    public static bool IsEmail(string? value) => value is not null && EmailPattern().IsMatch(value.Trim());

    public static bool IsBirthYear(int? year, int thisYear) => year is null || (year >= 1920 && year <= thisYear - 18);

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static void ApplyPerson<T>(AbstractValidator<T> v, Func<T, string?> name, Func<T, Gender> gender, Func<T, string?> ethnicity,
        Func<T, int?> birthYear, Func<T, string?> party, Func<T, string?> education, Func<T, string?> occupation, Func<T, string?> workUnit,
        Func<T, string?> mobile, Func<T, string?> email)
    {
        var thisYear = DateTime.UtcNow.Year;
        v.RuleFor(x => name(x)).NotEmpty().MaximumLength(NameMax).OverridePropertyName("name").WithName(_ => Text.Of("姓名", "Name"));
        v.RuleFor(x => gender(x)).IsInEnum().OverridePropertyName("gender").WithName(_ => Text.Of("性别", "Gender"));
        v.RuleFor(x => ethnicity(x)).MaximumLength(EthnicityMax).OverridePropertyName("ethnicity").WithName(_ => Text.Of("民族", "Ethnicity"));
        v.RuleFor(x => birthYear(x)).Must(y => IsBirthYear(y, thisYear)).OverridePropertyName("birthYear")
            .WithMessage(_ => Text.Of($"出生年份应在 1920 至 {thisYear - 18} 之间。", $"The birth year must be between 1920 and {thisYear - 18}."));
        v.RuleFor(x => party(x)).NotEmpty().MaximumLength(PartyMax).OverridePropertyName("party").WithName(_ => Text.Of("政治面貌", "Party"));
        v.RuleFor(x => education(x)).MaximumLength(EducationMax).OverridePropertyName("education").WithName(_ => Text.Of("学历", "Education"));
        v.RuleFor(x => occupation(x)).MaximumLength(OccupationMax).OverridePropertyName("occupation").WithName(_ => Text.Of("职业", "Occupation"));
        v.RuleFor(x => workUnit(x)).MaximumLength(WorkUnitMax).OverridePropertyName("workUnit").WithName(_ => Text.Of("工作单位及职务", "Work unit"));
        v.RuleFor(x => mobile(x)).Must(IsMobile).OverridePropertyName("mobile")
            .WithMessage(_ => Text.Of("手机号应为 11 位数字,以 1 开头。", "A mobile number has 11 digits and starts with 1."));
        v.RuleFor(x => email(x)).MaximumLength(EmailMax).OverridePropertyName("email").WithName(_ => Text.Of("电子邮箱", "E-mail"));
        v.RuleFor(x => email(x)).Must(IsEmail).When(x => !string.IsNullOrWhiteSpace(email(x))).OverridePropertyName("email")
            .WithMessage(_ => Text.Of("电子邮箱格式不正确。", "The e-mail address is not valid."));
    }

    public static void ApplySeat<T>(AbstractValidator<T> v, string prefix, Func<T, SeatLevel> level, Func<T, int> term, Func<T, string?> constituency, Func<T, DateOnly> electedOn)
    {
        v.RuleFor(x => level(x)).IsInEnum().OverridePropertyName(prefix + "level").WithName(_ => Text.Of("代表层级", "Level"));
        v.RuleFor(x => term(x)).InclusiveBetween(1, 99).OverridePropertyName(prefix + "term")
            .WithMessage(_ => Text.Of("届次应为 1 至 99 之间的数字。", "The term must be between 1 and 99."));
        v.RuleFor(x => constituency(x)).NotEmpty().MaximumLength(ConstituencyMax).OverridePropertyName(prefix + "constituency").WithName(_ => Text.Of("选区", "Constituency"));
        v.RuleFor(x => electedOn(x)).Must(d => d.Year >= 1950 && d <= ChinaTime.Today(TimeProvider.System)).OverridePropertyName(prefix + "electedOn")
            .WithMessage(_ => Text.Of("当选日期应在 1950 年之后且不晚于今天。", "The election date must be after 1950 and not in the future."));
    }
}
