using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>The registered clients, read from the database and kept for a few seconds (CORS checks run on every preflight).</summary>
internal sealed class ClientRegistry(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string SpaClientId = "congress-spa";

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private (IReadOnlyDictionary<string, OidcClient> Clients, DateTime LoadedAtUtc)? _cache;

    public async Task<OidcClient?> FindAsync(string? clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return null;
        }
        var clients = await AllAsync(cancellationToken);
        return clients.TryGetValue(clientId, out var client) && client.IsEnabled ? client : null;
    }

    public async Task<bool> IsAllowedOriginAsync(string? origin, CancellationToken cancellationToken) =>
        origin is not null && (await AllAsync(cancellationToken)).Values.Any(c => c.IsEnabled && c.AllowsOrigin(origin));

    public void Invalidate() => _cache = null;

    private async Task<IReadOnlyDictionary<string, OidcClient>> AllAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_cache is { } cache && now - cache.LoadedAtUtc < CacheFor)
        {
            return cache.Clients;
        }
        using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var clients = await db.Set<OidcClient>().AsNoTracking().ToDictionaryAsync(c => c.ClientId, StringComparer.Ordinal, cancellationToken);
        _cache = (clients, now);
        return clients;
    }
}

/// <summary>
/// At start-up: the web client's registration follows configuration (its addresses), clients listed
/// under <c>Identity:Clients</c> are registered or updated, and the first signing key exists.
/// </summary>
internal sealed class ProviderStartup(IOptions<ProviderOptions> options, SigningKeyStore keys, ClientRegistry registry, TimeProvider clock) : IStartupTask
{
    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var db = scopedServices.GetRequiredService<IdentityDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            // Migrations are applied by someone else (Database:MigrateOnStartup=false) and have not run yet:
            // readiness reports it; clients and keys are set up at the next start.
            return;
        }
        var settings = options.Value;
        await UpsertAsync(db, new ClientSettings
        {
            ClientId = ClientRegistry.SpaClientId,
            DisplayName = "基层人大工作平台(网页端)",
            RedirectUris = settings.Spa.RedirectUris,
            PostLogoutRedirectUris = settings.Spa.PostLogoutRedirectUris,
            Origins = settings.Spa.Origins,
        }, cancellationToken);
        foreach (var client in settings.Clients.Where(c => !string.IsNullOrWhiteSpace(c.ClientId)))
        {
            await UpsertAsync(db, client, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        registry.Invalidate();
        await keys.EnsureKeysAsync(cancellationToken);
    }

    private async Task UpsertAsync(IdentityDbContext db, ClientSettings settings, CancellationToken cancellationToken)
    {
        var client = await db.Set<OidcClient>().SingleOrDefaultAsync(c => c.ClientId == settings.ClientId, cancellationToken);
        if (client is null)
        {
            client = OidcClient.Create(settings.ClientId, settings.DisplayName ?? settings.ClientId, null, clock.GetUtcNow().UtcDateTime);
            db.Add(client);
        }
        if (settings.Secret is { Length: > 0 } secret && !ProviderCrypto.SecretMatches(secret, client.SecretHash))
        {
            client.SetSecretHash(ProviderCrypto.HashSecret(secret));
        }
        client.SetAddresses(settings.RedirectUris, settings.PostLogoutRedirectUris, settings.Origins);
    }
}
