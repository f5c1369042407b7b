using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.Modules.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Persistence;

internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, ModuleDbContextDependencies dependencies)
    : ModuleDbContext(options, dependencies), IModuleSchema
{
    public static string SchemaName => "identity";

    public override string Schema => SchemaName;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<HandlingUnit> HandlingUnits => Set<HandlingUnit>();

    public DbSet<HandlingUnitOfficer> HandlingUnitOfficers => Set<HandlingUnitOfficer>();

    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // The provider's and the audit's tables configure themselves (IEntityTypeConfiguration next to each entity).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
        modelBuilder.Entity<Tenant>(b =>
        {
            b.ToTable("tenants");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Code).HasMaxLength(32).IsRequired();
            b.Property(t => t.Name).HasMaxLength(100).IsRequired();
            b.Property(t => t.Path).HasMaxLength(200).IsRequired();
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasIndex(t => t.Code).IsUnique();
            b.HasIndex(t => t.Path).IsUnique();
            b.HasIndex(t => t.ParentId);
            // The tree filters itself with the same parameters as every tenant-owned row:
            // a tenant sees itself, a supervisor its subtree.
            b.HasQueryFilter(SubtreeFilter, t => EF.Constant(FilterBypass) || t.Path.StartsWith(FilterPath));
            b.HasQueryFilter(TenantFilter, t => EF.Constant(FilterBypass) || EF.Constant(FilterSupervises) || t.Id == FilterTenantId);
        });

        modelBuilder.Entity<HandlingUnit>(b =>
        {
            b.ToTable("handling_units");
            b.HasKey(u => u.Id);
            b.Property(u => u.Id).ValueGeneratedNever();
            b.Property(u => u.Name).HasMaxLength(100).IsRequired();
            b.Property(u => u.ContactName).HasMaxLength(50);
            b.Property(u => u.ContactPhone).HasMaxLength(30);
            b.HasIndex(u => new { u.TenantId, u.Name }).IsUnique();
        });

        modelBuilder.Entity<HandlingUnitOfficer>(b =>
        {
            b.ToTable("handling_unit_officers");
            b.HasKey(o => o.Id);
            b.Property(o => o.Id).ValueGeneratedNever();
            b.HasIndex(o => new { o.HandlingUnitId, o.UserId }).IsUnique();
            b.HasIndex(o => o.UserId);
        });

        modelBuilder.Entity<UserAccount>(b =>
        {
            b.ToTable("users");
            b.HasKey(u => u.Id);
            b.Property(u => u.Id).ValueGeneratedNever();
            b.Property(u => u.UserName).HasMaxLength(64).IsRequired();
            b.Property(u => u.NormalizedUserName).HasMaxLength(64).IsRequired();
            b.Property(u => u.DisplayName).HasMaxLength(50).IsRequired();
            b.Property(u => u.PhoneNumber).HasMaxLength(20);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.PasswordHash).HasMaxLength(200);
            b.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired();
            b.Property(u => u.AuthenticatorKey).HasMaxLength(200);
            b.Property(u => u.RecoveryCodes).HasMaxLength(1000);
            b.Property(u => u.LastTotpCode).HasMaxLength(6);
            b.HasIndex(u => u.NormalizedUserName).IsUnique();
            b.HasIndex(u => u.PhoneNumber).IsUnique();
            b.HasIndex(u => u.NormalizedEmail);
        });

        modelBuilder.Entity<Membership>(b =>
        {
            b.ToTable("memberships");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.Roles).HasMaxLength(200).IsRequired();
            b.Ignore(m => m.RoleList);
            b.HasIndex(m => new { m.TenantId, m.UserId }).IsUnique();
            b.HasIndex(m => m.UserId);
        });

        modelBuilder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("data_protection_keys");
            b.HasKey(k => k.Id);
            b.Property(k => k.Id).ValueGeneratedNever();
            b.Property(k => k.FriendlyName).HasMaxLength(200).IsRequired();
            b.Property(k => k.Xml).IsRequired();
        });
    }
}
