using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Identity;

/// <summary>The Data Protection key ring lives in the database: what one node protects, another node reads.</summary>
public sealed class DataProtectionTests
{
    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_second_node_on_the_same_database_unprotects_what_the_first_protected(DatabaseProvider provider)
    {
        var database = PlatformFactory.NewDatabase(provider);
        var quiet = new Dictionary<string, string?> { ["DemoData:Enabled"] = "false" };
        try
        {
            string protectedText;
            await using (var first = new PlatformFactory(provider, database, quiet))
            {
                _ = first.Server;
                protectedText = first.Services.GetRequiredService<IDataProtectionProvider>()
                    .CreateProtector("tests.shared-key-ring").Protect("东柳街道 · 代表之家");
                using var scope = first.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
                var keys = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().DataProtectionKeys.ToListAsync();
                keys.Should().NotBeEmpty();
                keys.Should().OnlyContain(k => k.Xml.Contains("<key") && k.FriendlyName.Length > 0);
            }

            await using var second = new PlatformFactory(provider, database, quiet);
            _ = second.Server;
            var unprotected = second.Services.GetRequiredService<IDataProtectionProvider>()
                .CreateProtector("tests.shared-key-ring").Unprotect(protectedText);
            unprotected.Should().Be("东柳街道 · 代表之家");

            var otherPurpose = () => second.Services.GetRequiredService<IDataProtectionProvider>()
                .CreateProtector("tests.other-purpose").Unprotect(protectedText);
            otherPurpose.Should().Throw<System.Security.Cryptography.CryptographicException>();
        }
        finally
        {
            await PlatformFactory.DropDatabaseAsync(provider, database);
        }
    }
}
