using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Exports;

/// <summary>The export jobs: schema <c>exports</c> (tables <c>exports_*</c> on SQLite). The files live on disk.</summary>
internal sealed class ExportsDbContext(DbContextOptions<ExportsDbContext> options, ModuleDbContextDependencies dependencies)
    : ModuleDbContext(options, dependencies), IModuleSchema
{
    public static string SchemaName => "exports";

    public override string Schema => SchemaName;

    public DbSet<ExportJob> Jobs => Set<ExportJob>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ExportJob>(b =>
        {
            b.ToTable("jobs");
            b.HasKey(j => j.Id);
            b.Property(j => j.Id).ValueGeneratedNever();
            b.Property(j => j.UserName).HasMaxLength(100).IsRequired();
            b.Property(j => j.Roles).HasMaxLength(500).IsRequired();
            b.Property(j => j.Source).HasMaxLength(100).IsRequired();
            b.Property(j => j.Title).HasMaxLength(100).IsRequired();
            b.Property(j => j.Format).HasConversion<string>().HasMaxLength(10).IsRequired();
            b.Property(j => j.FilterJson).HasMaxLength(ExportLimits.MaxFilterLength).IsRequired();
            b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
            b.Property(j => j.FileName).HasMaxLength(200);
            b.Property(j => j.StorageKey).HasMaxLength(100);
            b.Property(j => j.Error).HasMaxLength(500);
            b.Ignore(j => j.IsFinished);
            b.HasIndex(j => new { j.UserId, j.CreatedAtUtc });
            b.HasIndex(j => new { j.Status, j.CreatedAtUtc });
            b.HasIndex(j => j.ExpiresAtUtc);
        });
    }
}
