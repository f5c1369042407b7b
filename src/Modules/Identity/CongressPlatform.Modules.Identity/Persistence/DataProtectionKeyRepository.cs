using System.Xml.Linq;
using CongressPlatform.BuildingBlocks.Execution;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Identity.Persistence;

/// <summary>One key of ASP.NET Core's Data Protection key ring, as the framework wrote it.</summary>
internal sealed class DataProtectionKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string FriendlyName { get; init; } = string.Empty;
    public string Xml { get; init; } = string.Empty;
    public DateTime CreatedAtUtc { get; init; }
}

/// <summary>
/// Keeps the Data Protection key ring in the database, so that every node of a deployment protects
/// and unprotects with the same keys (cookies, anti-forgery tokens, and the encrypted signing keys).
/// </summary>
internal sealed class DataProtectionKeyRepository(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.CreatedAtUtc).ThenBy(k => k.Id)
            .Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        db.SaveChanges();
    }
}
