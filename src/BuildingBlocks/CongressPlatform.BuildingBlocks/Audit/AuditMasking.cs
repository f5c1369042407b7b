using System.Collections.Concurrent;
using System.Reflection;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.BuildingBlocks.Audit;

public enum AuditFieldKind
{
    Plain,

    /// <summary>Recorded masked: <c>138*****678</c>.</summary>
    Personal,

    /// <summary>Recorded as changed, never with its value.</summary>
    Secret,
}

/// <summary>
/// Which changed fields the audit log may show, and how. The attributes <see cref="PersonalDataAttribute"/> and
/// <see cref="SecretDataAttribute"/> decide first; otherwise the property's name, against the central lists below.
/// </summary>
public static class AuditMasking
{
    /// <summary>What a secret's before and after are recorded as.</summary>
    public const string Hidden = "[已隐藏]";

    private static readonly string[] SecretNames =
        ["password", "secret", "securitystamp", "token", "totp", "recoverycode", "privatekey", "keymaterial", "codehash", "concurrencystamp"];

    private static readonly string[] PersonalNames =
        ["mobile", "phone", "email", "idnumber", "idcard", "identitynumber", "citizenid", "address", "birth"];

    private static readonly ConcurrentDictionary<(Type, string), AuditFieldKind> Cache = new();

    public static AuditFieldKind Classify(Type entityType, string propertyName) =>
        Cache.GetOrAdd((entityType, propertyName), static key =>
        {
            var property = key.Item1.GetProperty(key.Item2, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
            if (property?.GetCustomAttribute<SecretDataAttribute>() is not null)
            {
                return AuditFieldKind.Secret;
            }
            if (property?.GetCustomAttribute<PersonalDataAttribute>() is not null)
            {
                return AuditFieldKind.Personal;
            }
            return ClassifyName(key.Item2);
        });

    public static AuditFieldKind ClassifyName(string propertyName)
    {
        var name = propertyName.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (SecretNames.Any(name.Contains))
        {
            return AuditFieldKind.Secret;
        }
        return PersonalNames.Any(name.Contains) ? AuditFieldKind.Personal : AuditFieldKind.Plain;
    }

    /// <summary>The value as the log shows it.</summary>
    public static string? Apply(AuditFieldKind kind, string? value) => kind switch
    {
        AuditFieldKind.Secret => value is null ? null : Hidden,
        AuditFieldKind.Personal => Mask(value),
        _ => value,
    };

    /// <summary>
    /// Keeps up to a third of the characters at each end (at most 3 in front, 4 behind) and stars the rest:
    /// <c>13812345678</c> → <c>138*****678</c>, <c>ab</c> → <c>**</c>. The length stays, the person does not.
    /// </summary>
    public static string? Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }
        var head = Math.Min(3, value.Length / 3);
        var tail = Math.Min(4, value.Length / 3);
        return string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
    }
}
