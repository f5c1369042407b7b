using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Stations.Domain;

/// <summary>
/// Tracking codes: 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L), drawn from a cryptographic
/// generator — 31^10 ≈ 8×10^14 codes, so a code cannot be guessed or counted through.
/// </summary>
internal static class TrackingCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 10;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What a resident typed, made comparable: upper case, spaces and dashes dropped; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }
        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}

/// <summary>
/// Duplicate hints: two opinions are "similar" when the Dice coefficient of the character bigrams of their normalized
/// texts (letters and digits only, lower case; Chinese has no spaces, so characters are the unit) reaches a threshold.
/// </summary>
internal static class OpinionSimilarity
{
    public const double Threshold = 0.5;

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    public static double Score(string a, string b)
    {
        var x = Bigrams(Normalize(a));
        var y = Bigrams(Normalize(b));
        if (x.Count == 0 || y.Count == 0)
        {
            return Normalize(a) == Normalize(b) && Normalize(a).Length > 0 ? 1 : 0;
        }
        var common = 0;
        var rest = new Dictionary<string, int>(y);
        foreach (var (gram, count) in x)
        {
            if (rest.TryGetValue(gram, out var other))
            {
                common += Math.Min(count, other);
            }
        }
        return 2.0 * common / (x.Values.Sum() + y.Values.Sum());
    }

    public static bool AreSimilar(string a, string b) => Score(a, b) >= Threshold;

    private static Dictionary<string, int> Bigrams(string text)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var gram = text.Substring(i, 2);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }
        return grams;
    }
}

/// <summary>What happened to an opinion, in order (its history on the detail page). Written with each transition.</summary>
internal sealed class OpinionEvent : TenantOwnedEntity
{
    private OpinionEvent()
    {
    }

    public OpinionEvent(Guid opinionId, string kind, string actorName, string? note, DateTime atUtc)
    {
        OpinionId = opinionId;
        Kind = kind;
        ActorName = actorName.Length > 50 ? actorName[..50] : actorName;
        Note = note is { Length: > 500 } ? note[..500] : note;
        AtUtc = atUtc;
    }

    public Guid OpinionId { get; private set; }

    /// <summary><c>received</c>, <c>registered</c>, <c>triaged</c>, <c>duplicate</c>, <c>referred</c>, <c>answered</c>, <c>fed_back</c>, <c>closed</c>, <c>rated</c>.</summary>
    public string Kind { get; private set; } = string.Empty;

    public string ActorName { get; private set; } = string.Empty;
    public string? Note { get; private set; }
    public DateTime AtUtc { get; private set; }
}

/// <summary>A photo a resident attached on the public form; the bytes live in the platform file store under <see cref="StorageKey"/>.</summary>
internal sealed class OpinionPhoto : TenantOwnedEntity
{
    private OpinionPhoto()
    {
    }

    public OpinionPhoto(Guid opinionId, string contentType, long sizeBytes, string storageKey, DateTime uploadedAtUtc)
    {
        OpinionId = opinionId;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
        UploadedAtUtc = uploadedAtUtc;
    }

    public Guid OpinionId { get; private set; }
    public string ContentType { get; private set; } = string.Empty;
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = string.Empty;
    public DateTime UploadedAtUtc { get; private set; }
}
