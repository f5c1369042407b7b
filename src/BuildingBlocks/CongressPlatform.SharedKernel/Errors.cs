using System.Globalization;

namespace CongressPlatform.SharedKernel;

/// <summary>Chooses the Chinese or English wording of a message by the request's UI culture (zh-CN by default).</summary>
public static class Text
{
    public static string Of(string zh, string en) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : zh;
}

/// <summary>An error the user can act on. Mapped once, by the host, to an RFC 9457 problem-details answer.</summary>
public abstract class AppException(string code, string message) : Exception(message)
{
    /// <summary>A stable machine-readable code, e.g. <c>tenant.code_taken</c>.</summary>
    public string Code { get; } = code;

    /// <summary>
    /// More members for the problem details (camelCase names), e.g. an import's row-by-row errors under <c>rows</c>, so
    /// a refusal that carries a report is still a refusal — to the audit log as to the caller.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }
}

public sealed class NotFoundException(string code, string message) : AppException(code, message)
{
    public static NotFoundException For(string zhWhat, string enWhat) =>
        new("not_found", Text.Of($"未找到该{zhWhat},或您无权访问。", $"The {enWhat} was not found or you may not access it."));
}

public sealed class ForbiddenException(string code, string message) : AppException(code, message)
{
    public static ForbiddenException OutsideScope() =>
        new("tenant.outside_scope", Text.Of("该操作超出了您所在单位的权限范围。", "This operation is outside the scope of your organisation."));
}

/// <summary>The request conflicts with the current state (a duplicate code, a stale version).</summary>
public sealed class ConflictException(string code, string message) : AppException(code, message);

/// <summary>A business rule refused the request.</summary>
public sealed class BusinessRuleException(string code, string message) : AppException(code, message);

/// <summary>The content is larger than allowed (an upload over its limit): 413.</summary>
public sealed class PayloadTooLargeException(string code, string message) : AppException(code, message);

/// <summary>The content's type is refused (an executable, a file whose content is not what its name says): 415.</summary>
public sealed class UnsupportedContentException(string code, string message) : AppException(code, message);

/// <summary>Field errors, keyed by the field's camelCase name.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : AppException("validation", Text.Of("提交的内容有误,请检查后重试。", "The request has invalid fields."))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
