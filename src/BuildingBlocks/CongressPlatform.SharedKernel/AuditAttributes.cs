namespace CongressPlatform.SharedKernel;

/// <summary>
/// Personal data (个人信息): the audit log records that this property changed, with its values masked
/// (<c>138*****678</c>). Properties named like mobile, phone, e-mail, ID number or address are treated so without it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>
/// A secret (password hash, key, token): the audit log records that this property changed, never its value.
/// Properties named like password, secret, token or security stamp are treated so without it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SecretDataAttribute : Attribute;
