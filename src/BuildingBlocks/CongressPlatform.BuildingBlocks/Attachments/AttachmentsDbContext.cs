using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Attachments;

/// <summary>The attachments' metadata: schema <c>attachments</c> (tables <c>attachments_*</c> on SQLite).</summary>
internal sealed class AttachmentsDbContext(DbContextOptions<AttachmentsDbContext> options, ModuleDbContextDependencies dependencies)
    : ModuleDbContext(options, dependencies), IModuleSchema
{
    public static string SchemaName => "attachments";

    public override string Schema => SchemaName;

    public DbSet<Attachment> Attachments => Set<Attachment>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Attachment>(b =>
        {
            b.ToTable("files");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.OwnerModule).HasMaxLength(50).IsRequired();
            b.Property(a => a.OwnerType).HasMaxLength(50).IsRequired();
            b.Property(a => a.FileName).HasMaxLength(FileNames.MaxLength).IsRequired();
            b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
            b.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
            b.Property(a => a.UploadedByName).HasMaxLength(100).IsRequired();
            b.Property(a => a.StorageKey).HasMaxLength(100).IsRequired();
            b.HasIndex(a => new { a.OwnerType, a.OwnerId });
            b.HasIndex(a => a.StorageKey).IsUnique();
        });
    }
}
