using System.Net;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.Modules.Identity.Audit;

/// <summary>
/// Writes each entry through a fresh system scope and its own <see cref="IdentityDbContext"/>, so the entry
/// neither waits for nor rides on the caller's unit of work (and is not lost when that one is rolled back).
/// </summary>
internal sealed class IdentityAudit(
    IServiceScopeFactory scopes, IHttpContextAccessor httpContextAccessor, TimeProvider clock, ILogger<IdentityAudit> logger)
    : IIdentityAudit
{
    public async Task RecordAsync(IdentityAuditRecord record, CancellationToken cancellationToken)
    {
        var http = httpContextAccessor.HttpContext;
        var entry = IdentityAuditEntry.From(
            record, clock.GetUtcNow().UtcDateTime, AddressOf(http?.Connection.RemoteIpAddress), http?.Request.Headers.UserAgent.ToString());
        try
        {
            await using var scope = new AsyncServiceScope(scopes.CreateSystemScope());
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            db.Set<IdentityAuditEntry>().Add(entry);
            // Not the caller's token: once the act has happened, its record is written even if the request is aborted.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not write the identity audit entry {Kind} for user {UserId}", record.Kind, record.UserId);
            throw;
        }
    }

    private static string? AddressOf(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
