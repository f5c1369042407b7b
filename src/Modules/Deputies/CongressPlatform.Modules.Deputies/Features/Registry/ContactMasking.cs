namespace CongressPlatform.Modules.Deputies.Features.Registry;

/// <summary>
/// Personal data as every registry answer shows it (lists, profiles, exports): <c>13800000002</c> → <c>138****0002</c>,
/// <c>lixiuying@example.com</c> → <c>l***@example.com</c>. The full values only through the audited reveal endpoint.
/// </summary>
internal static class ContactMasking
{
    public static string? Mobile(string? mobile) => mobile switch
    {
        null or "" => null,
        { Length: >= 8 } => string.Concat(mobile.AsSpan(0, 3), "****", mobile.AsSpan(mobile.Length - 4)),
        _ => "****",
    };

    public static string? Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }
        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }
}
