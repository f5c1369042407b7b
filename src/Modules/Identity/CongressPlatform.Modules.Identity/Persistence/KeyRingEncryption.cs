using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CongressPlatform.Modules.Identity.Persistence;

/// <summary>
/// The key-encryption key that protects the Data Protection key ring at rest (and through it the
/// signing keys and authenticator secrets). It never lives in the database: <c>DataProtection:KeyEncryptionKey</c>
/// (base64 of 32 random bytes) from the environment or a secret store; outside Production, when not
/// configured, a file <c>data/key-encryption-key</c> made on first start (not in the repository).
/// </summary>
internal sealed class KeyEncryptionKey
{
    public const string Setting = "DataProtection:KeyEncryptionKey";

    public KeyEncryptionKey(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new InvalidOperationException($"{Setting} must be 32 bytes (base64).");
        }
        Key = key;
    }

    public byte[] Key { get; }

    public static KeyEncryptionKey Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new KeyEncryptionKey(Convert.FromBase64String(configured));
        }
        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{Setting} is not configured. In Production the key ring's encryption key must come from the environment or a secret store " +
                "(e.g. DataProtection__KeyEncryptionKey=$(openssl rand -base64 32)). Refusing to start.");
        }
        var path = Path.Combine(environment.ContentRootPath, "data", "key-encryption-key");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
            }
        }
        return new KeyEncryptionKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}

/// <summary>AES-256-GCM encryption of each key-ring element under the key-encryption key.</summary>
internal sealed class KeyRingEncryptor(KeyEncryptionKey kek) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(kek.Key, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }
        var element = new XElement("encryptedKey",
            new XAttribute("alg", "A256GCM"),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Reverses <see cref="KeyRingEncryptor"/>; created by Data Protection with the service provider.</summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var kek = services.GetRequiredService<KeyEncryptionKey>();
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var ciphertext = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(kek.Key, tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }
}
