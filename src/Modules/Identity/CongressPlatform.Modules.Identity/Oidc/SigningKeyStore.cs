using System.Security.Cryptography;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>
/// The provider's RSA keys, shared by every node through the database (private parts protected by
/// Data Protection). Holds a short-lived copy in memory; a token with an unknown <c>kid</c> makes it
/// look again (at most every few seconds), so a key made by another node is accepted without a restart.
/// </summary>
internal sealed partial class SigningKeyStore(
    IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock,
    IOptions<ProviderOptions> options, ILogger<SigningKeyStore> logger) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan UnknownKidRetry = TimeSpan.FromSeconds(5);

    private readonly IDataProtector _protector = protection.CreateProtector("CongressPlatform.Identity.SigningKeys.v1");
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Snapshot? _snapshot;
    private DateTime _lastUnknownKidReload;

    private sealed record LoadedKey(SigningKey Row, RsaSecurityKey PublicKey);

    private sealed record Snapshot(IReadOnlyList<LoadedKey> Keys, DateTime LoadedAtUtc)
    {
        public Dictionary<string, RsaSecurityKey> PrivateKeys { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The longest a token signed by a key stays valid: a retired key stays published that long.</summary>
    public TimeSpan LongestTokenLifetime =>
        TimeSpan.FromSeconds(Math.Max(options.Value.Tokens.AccessTokenSeconds, options.Value.Tokens.IdTokenSeconds)) + TimeSpan.FromMinutes(5);

    public async Task<SigningCredentials> GetSigningCredentialsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(false, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var current = snapshot.Keys.Where(k => k.Row.Signs(now)).MaxBy(k => k.Row.ActivatesAtUtc);
        if (current is null)
        {
            await EnsureKeysAsync(cancellationToken);
            snapshot = await GetSnapshotAsync(true, cancellationToken);
            current = snapshot.Keys.Where(k => k.Row.Signs(now)).MaxBy(k => k.Row.ActivatesAtUtc)
                ?? throw new InvalidOperationException("No signing key is active.");
        }
        RsaSecurityKey privateKey;
        lock (snapshot.PrivateKeys)
        {
            if (!snapshot.PrivateKeys.TryGetValue(current.Row.KeyId, out privateKey!))
            {
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(_protector.Unprotect(Convert.FromBase64String(current.Row.ProtectedPrivateKey)), out _);
                privateKey = new RsaSecurityKey(rsa) { KeyId = current.Row.KeyId };
                snapshot.PrivateKeys[current.Row.KeyId] = privateKey;
            }
        }
        return new SigningCredentials(privateKey, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>The published public keys (JWKS), including the next key and retired keys whose tokens may still be alive.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetPublishedKeysAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(false, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return snapshot.Keys.Where(k => k.Row.IsPublished(now))
            .Select(k => JsonDocument.Parse(k.Row.PublicJwk).RootElement.Clone()).ToList();
    }

    /// <summary>The public key with this <c>kid</c>, if it is published; looks in the database again when unknown.</summary>
    public async Task<SecurityKey?> FindValidationKeyAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(keyId))
        {
            return null;
        }
        var found = Find(await GetSnapshotAsync(false, cancellationToken), keyId);
        if (found is null && clock.GetUtcNow().UtcDateTime - _lastUnknownKidReload > UnknownKidRetry)
        {
            _lastUnknownKidReload = clock.GetUtcNow().UtcDateTime;
            found = Find(await GetSnapshotAsync(true, cancellationToken), keyId);
        }
        return found;
    }

    private RsaSecurityKey? Find(Snapshot snapshot, string keyId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return snapshot.Keys.FirstOrDefault(k => k.Row.KeyId == keyId && k.Row.IsPublished(now))?.PublicKey;
    }

    /// <summary>
    /// The scheduled rotation: a first key when there is none; when the signing key is due, the next
    /// key, published now and signing after the publish-ahead time, when the old one retires.
    /// </summary>
    public async Task EnsureKeysAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value.SigningKeys;
        await ChangeKeysAsync(keys =>
        {
            var current = keys.Where(k => k.Signs(now)).MaxBy(k => k.ActivatesAtUtc);
            var pending = keys.Where(k => k.ActivatesAtUtc > now).MaxBy(k => k.ActivatesAtUtc);
            if (current is null && pending is null)
            {
                return (now, "first key");
            }
            if (current is not null && pending is null
                && now >= current.ActivatesAtUtc + TimeSpan.FromDays(settings.RotationDays) - TimeSpan.FromMinutes(settings.PublishAheadMinutes))
            {
                var activates = Max(current.ActivatesAtUtc + TimeSpan.FromDays(settings.RotationDays), now + TimeSpan.FromMinutes(settings.PublishAheadMinutes));
                return (activates, "scheduled rotation");
            }
            return null;
        }, cancellationToken);
    }

    /// <summary>Rotation on demand (e.g. a suspected leak): the next key now, signing after the publish-ahead time.</summary>
    public async Task<string> RotateNowAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var created = await ChangeKeysAsync(_ => (now + TimeSpan.FromMinutes(options.Value.SigningKeys.PublishAheadMinutes), "rotation on demand"), cancellationToken);
        return created!;
    }

    private async Task<string?> ChangeKeysAsync(Func<IReadOnlyList<SigningKey>, (DateTime ActivatesAtUtc, string Why)?> decide, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var keys = await db.Set<SigningKey>().ToListAsync(cancellationToken);
            var live = keys.Where(k => k.IsPublished(now)).ToList();
            if (decide(live) is not { } plan)
            {
                return null;
            }
            // Whatever signs until the new key activates retires then, and stays published while its tokens live.
            foreach (var key in live.Where(k => k.RetiresAtUtc is null || k.RetiresAtUtc > plan.ActivatesAtUtc))
            {
                key.Retire(Max(plan.ActivatesAtUtc, key.ActivatesAtUtc), LongestTokenLifetime);
            }
            var created = NewKey(now, plan.ActivatesAtUtc);
            db.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            LogRotated(logger, created.KeyId, plan.Why, plan.ActivatesAtUtc);
            _snapshot = null;
            return created.KeyId;
        }
        finally
        {
            _lock.Release();
        }
    }

    private SigningKey NewKey(DateTime now, DateTime activatesAtUtc)
    {
        using var rsa = RSA.Create(2048);
        var keyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12));
        var parameters = rsa.ExportParameters(false);
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        });
        var protectedKey = Convert.ToBase64String(_protector.Protect(rsa.ExportPkcs8PrivateKey()));
        return SigningKey.Create(keyId, jwk, protectedKey, now, activatesAtUtc);
    }

    private async Task<Snapshot> GetSnapshotAsync(bool reload, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!reload && snapshot is not null && now - snapshot.LoadedAtUtc < CacheFor)
        {
            return snapshot;
        }
        using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var rows = await db.Set<SigningKey>().AsNoTracking().ToListAsync(cancellationToken);
        var loaded = rows.Select(r =>
        {
            using var json = JsonDocument.Parse(r.PublicJwk);
            var rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters
            {
                Modulus = Base64UrlEncoder.DecodeBytes(json.RootElement.GetProperty("n").GetString()),
                Exponent = Base64UrlEncoder.DecodeBytes(json.RootElement.GetProperty("e").GetString()),
            });
            return new LoadedKey(r, new RsaSecurityKey(rsa) { KeyId = r.KeyId });
        }).ToList();
        snapshot = new Snapshot(loaded, now);
        _snapshot = snapshot;
        return snapshot;
    }

    public void Dispose() => _lock.Dispose();

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {KeyId} created ({Why}); signs from {ActivatesAtUtc:o}")]
    private static partial void LogRotated(ILogger logger, string keyId, string why, DateTime activatesAtUtc);
}
