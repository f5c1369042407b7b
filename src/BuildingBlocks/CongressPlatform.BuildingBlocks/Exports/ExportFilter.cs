using System.Text.Json;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.BuildingBlocks.Exports;

/// <summary>
/// Reads a source's filter (the list page's query, as JSON) field by field. A field of the wrong type is a 400 with the
/// field's name, like a bad query string on the list itself; a missing or null field is null.
/// </summary>
public static class ExportFilter
{
    public static string? Text(JsonElement filter, string name, int maxLength)
    {
        if (Field(filter, name) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(name, "须为文本", "must be a string");
        }
        var text = value.GetString()!.Trim();
        if (text.Length > maxLength)
        {
            throw Invalid(name, $"不能超过 {maxLength} 个字符", $"must be at most {maxLength} characters");
        }
        return text.Length == 0 ? null : text;
    }

    public static Guid? Id(JsonElement filter, string name) =>
        Field(filter, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id) ? id
        : throw Invalid(name, "须为有效的编号", "must be a valid id");

    public static bool? Flag(JsonElement filter, string name) =>
        Field(filter, name) is not { } value ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw Invalid(name, "须为 true 或 false", "must be true or false");

    private static JsonElement? Field(JsonElement filter, string name) =>
        filter.ValueKind == JsonValueKind.Object && filter.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static RequestValidationException Invalid(string name, string zh, string en) =>
        new(new Dictionary<string, string[]> { [$"filter.{name}"] = [SharedKernel.Text.Of($"筛选条件 {name} {zh}。", $"The filter's {name} {en}.")] });
}
