using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.Modules.Deputies.Domain;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Persistence;

internal sealed class DeputiesDbContext(DbContextOptions<DeputiesDbContext> options, ModuleDbContextDependencies dependencies)
    : ModuleDbContext(options, dependencies), IModuleSchema
{
    public static string SchemaName => "deputies";

    public override string Schema => SchemaName;

    public DbSet<PointsPolicy> PointsPolicies => Set<PointsPolicy>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PointsPolicy>(b =>
        {
            b.ToTable("points_policies");
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).ValueGeneratedNever();
            b.HasIndex(p => new { p.TenantId, p.Year }).IsUnique();
            b.OwnsMany(p => p.Rules, r =>
            {
                r.ToTable("points_rules");
                r.WithOwner().HasForeignKey("PolicyId");
                r.HasKey(x => x.Id);
                r.Property(x => x.Id).ValueGeneratedNever();
            });
            b.Navigation(p => p.Rules).HasField("_rules").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
