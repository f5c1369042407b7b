using CongressPlatform.SharedKernel;
using FluentValidation;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>The field rules shared by creating and editing a station (the column limits; messages in the request's language).</summary>
internal static class StationRules
{
    public static void Apply<T>(AbstractValidator<T> v, Func<T, string?> name, Func<T, string?> community, Func<T, string?> address,
        Func<T, string?> hours, Func<T, string?> keeper, Func<T, string?> liaison, Func<T, string?> phone)
    {
        v.RuleFor(c => name(c)).NotEmpty().MaximumLength(100).OverridePropertyName("name").WithName(_ => Text.Of("站点名称", "Name"));
        v.RuleFor(c => community(c)).MaximumLength(100).OverridePropertyName("community").WithName(_ => Text.Of("所在社区", "Community"));
        v.RuleFor(c => address(c)).NotEmpty().MaximumLength(200).OverridePropertyName("address").WithName(_ => Text.Of("地址", "Address"));
        v.RuleFor(c => hours(c)).NotEmpty().MaximumLength(200).OverridePropertyName("openingHours").WithName(_ => Text.Of("开放时间", "Opening hours"));
        v.RuleFor(c => keeper(c)).MaximumLength(50).OverridePropertyName("keeperName").WithName(_ => Text.Of("站长", "Keeper"));
        v.RuleFor(c => liaison(c)).MaximumLength(50).OverridePropertyName("liaisonName").WithName(_ => Text.Of("联络员", "Liaison"));
        v.RuleFor(c => phone(c)).MaximumLength(30).Matches(@"^[0-9+\-() ]*$")
            .WithMessage(_ => Text.Of("电话只能包含数字、空格和 + - ( )。", "A phone may hold digits, spaces and + - ( ) only."))
            .OverridePropertyName("phone").WithName(_ => Text.Of("电话", "Phone"));
    }
}
