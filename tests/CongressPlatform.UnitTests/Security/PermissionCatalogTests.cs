using CongressPlatform.BuildingBlocks.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using HostModules = CongressPlatform.Host.Modules;

namespace CongressPlatform.UnitTests.Security;

public sealed class PermissionCatalogTests
{
    private static PermissionDefinition Definition(string name, params string[] roles) => new(name, name, name, roles);

    /// <summary>The catalogue the host builds: the platform's permissions and every module's, registered through AddServices.</summary>
    private static PermissionCatalog RealCatalog()
    {
        var services = new ServiceCollection();
        services.AddPermissions(PlatformPermissions.Definitions);
        var configuration = new ConfigurationBuilder().Build();
        foreach (var module in HostModules.All)
        {
            module.AddServices(services, configuration, new TestEnvironment());
        }
        var definitions = services
            .Where(d => d.ServiceType == typeof(PermissionDefinition))
            .Select(d => (PermissionDefinition)d.ImplementationInstance!);
        return new PermissionCatalog(definitions);
    }

    [Fact]
    public void A_permission_declared_twice_is_refused()
    {
        var act = () => new PermissionCatalog([Definition("identity.tenants.read", Roles.Staff), Definition("identity.tenants.read", Roles.Leader)]);
        act.Should().Throw<InvalidOperationException>().WithMessage("*identity.tenants.read*twice*");
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        var act = () => new PermissionCatalog([Definition("identity.tenants.read", Roles.Staff, "superuser")]);
        act.Should().Throw<InvalidOperationException>().WithMessage("*superuser*");
    }

    [Fact]
    public void PermissionsOf_is_the_union_of_the_roles_permissions_and_ignores_unknown_roles()
    {
        var catalog = new PermissionCatalog(
        [
            Definition("deputies.a.read", Roles.Staff),
            Definition("deputies.b.read", Roles.Leader),
            Definition("deputies.c.read", Roles.Staff, Roles.Leader),
            Definition("deputies.d.read", Roles.TenantAdmin),
        ]);
        catalog.PermissionsOf([Roles.Staff]).Should().BeEquivalentTo("deputies.a.read", "deputies.c.read");
        catalog.PermissionsOf([Roles.Staff, Roles.Leader, "nobody"]).Should().BeEquivalentTo("deputies.a.read", "deputies.b.read", "deputies.c.read");
        catalog.PermissionsOf([]).Should().BeEmpty();
        catalog.Exists("deputies.d.read").Should().BeTrue();
        catalog.Exists("deputies.e.read").Should().BeFalse();
    }

    [Fact]
    public void The_real_catalogue_holds_the_platform_and_module_permissions()
    {
        var catalog = RealCatalog();
        catalog.Exists(PlatformPermissions.SuperviseSubtree).Should().BeTrue();
        catalog.Exists(PlatformPermissions.JobsRun).Should().BeTrue();
        catalog.All.Select(p => p.Name.Split('.')[0]).Distinct()
            .Should().BeEquivalentTo(HostModules.All.Select(m => m.Name).Append("platform"));
    }

    /// <summary>三员分立: the system, security and audit administrators hold disjoint permissions, and only audit-admin reads audit.</summary>
    [Fact]
    public void The_three_administrators_are_separated()
    {
        var catalog = RealCatalog();
        // Self-service held by every role (reading one's own account) separates nobody; nor does reading the working-day
        // calendar, public facts (the State Council's holiday notices) that every deadline is counted on; nor does one's own
        // inbox (notifications.inbox.use: only the signed-in person's notices and preferences); nor does using exports, which
        // reads nothing by itself (each list's own permission decides what may be exported).
        var everyone = catalog.All.Where(p => Roles.All.All(p.DefaultRoles.Contains)).Select(p => p.Name).ToHashSet();
        everyone.Should().OnlyContain(p => p.EndsWith(".profile.read", StringComparison.Ordinal) || p == PlatformPermissions.CalendarRead
                || p == "notifications.inbox.use" || p == PlatformPermissions.ExportsUse,
            "only self-service, reading the public working-day calendar, one's own inbox and one's own exports may be granted to every role");
        var system = catalog.PermissionsOf([Roles.SystemAdmin]).Except(everyone).ToHashSet();
        var security = catalog.PermissionsOf([Roles.SecurityAdmin]).Except(everyone).ToHashSet();
        var audit = catalog.PermissionsOf([Roles.AuditAdmin]).Except(everyone).ToHashSet();

        system.Should().NotBeEmpty();
        system.Intersect(security).Should().BeEmpty();
        system.Intersect(audit).Should().BeEmpty();
        security.Intersect(audit).Should().BeEmpty();
        system.Should().NotContain(p => p.StartsWith("audit.", StringComparison.Ordinal) || p.StartsWith("security.", StringComparison.Ordinal));
        catalog.All.Where(p => p.Name.StartsWith("audit.", StringComparison.Ordinal) && !p.DefaultRoles.SequenceEqual([Roles.AuditAdmin]))
            .Should().BeEmpty("audit permissions belong to the audit administrator alone");
    }

    [Fact]
    public void The_system_administrator_runs_jobs_but_a_tenant_administrator_does_not()
    {
        var catalog = RealCatalog();
        catalog.PermissionsOf([Roles.SystemAdmin]).Should().Contain([PlatformPermissions.JobsRead, PlatformPermissions.JobsRun]);
        catalog.PermissionsOf([Roles.TenantAdmin, Roles.Leader, Roles.Staff, Roles.Deputy])
            .Should().NotContain([PlatformPermissions.JobsRead, PlatformPermissions.JobsRun, PlatformPermissions.SuperviseSubtree]);
        catalog.PermissionsOf([Roles.Supervisor]).Should().Contain(PlatformPermissions.SuperviseSubtree);
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "CongressPlatform.UnitTests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
