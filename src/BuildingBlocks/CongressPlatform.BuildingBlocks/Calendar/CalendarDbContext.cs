using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Calendar;

/// <summary>
/// The working-day calendar's own schema: <c>calendar.special_days</c> on PostgreSQL, <c>calendar_special_days</c> on
/// SQLite. Platform-wide, not tenant-owned: public holidays are the same for every street and township.
/// </summary>
internal sealed class CalendarDbContext(DbContextOptions<CalendarDbContext> options, ModuleDbContextDependencies dependencies)
    : ModuleDbContext(options, dependencies), IModuleSchema
{
    public static string SchemaName => "calendar";

    public const int MaxNameLength = 50;

    public override string Schema => SchemaName;

    public DbSet<SpecialDay> SpecialDays => Set<SpecialDay>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SpecialDay>(b =>
        {
            b.ToTable("special_days");
            b.HasKey(d => d.Date);
            b.Property(d => d.Date).ValueGeneratedNever();
            b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20).IsRequired();
            b.Property(d => d.Name).HasMaxLength(MaxNameLength).IsRequired();
            b.HasIndex(d => d.Year);
        });
    }
}
