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

    /// <summary>Persons; not tenant-owned. Read them through <see cref="Seats"/> (tenant-filtered) so that a tenant only finds its own deputies.</summary>
    public DbSet<Deputy> Deputies => Set<Deputy>();

    public DbSet<Seat> Seats => Set<Seat>();

    public DbSet<DutyRecord> DutyRecords => Set<DutyRecord>();

    // ----- Report-back (述职) and the quarterly push (季度档案, 温馨提示函) -----
    public DbSet<ReportBack> ReportBacks => Set<ReportBack>();

    public DbSet<BallotVote> BallotVotes => Set<BallotVote>();

    public DbSet<VoterCode> VoterCodes => Set<VoterCode>();

    public DbSet<QuarterlyReport> QuarterlyReports => Set<QuarterlyReport>();

    public DbSet<ReminderLetter> ReminderLetters => Set<ReminderLetter>();

    public DbSet<QuarterlySettings> QuarterlySettings => Set<QuarterlySettings>();

    /// <summary>The deputies that the active tenant organises (or supervises): persons with at least one seat visible here.</summary>
    public IQueryable<Deputy> VisibleDeputies => Deputies.Where(d => Seats.Any(s => s.DeputyId == d.Id));

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

        modelBuilder.Entity<Deputy>(b =>
        {
            b.ToTable("deputies");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Property(d => d.Name).HasMaxLength(50).IsRequired();
            b.Property(d => d.Ethnicity).HasMaxLength(20).IsRequired();
            b.Property(d => d.Party).HasMaxLength(50).IsRequired();
            b.Property(d => d.Education).HasMaxLength(50);
            b.Property(d => d.Occupation).HasMaxLength(100);
            b.Property(d => d.WorkUnit).HasMaxLength(200);
            b.Property(d => d.Mobile).HasMaxLength(20).IsRequired();
            b.Property(d => d.Email).HasMaxLength(200);
            b.HasIndex(d => d.Mobile).IsUnique();
            b.HasIndex(d => d.UserId).IsUnique();
            b.HasIndex(d => d.Name);
            b.HasMany(d => d.Seats).WithOne().HasForeignKey(s => s.DeputyId).OnDelete(DeleteBehavior.Restrict);
            b.Navigation(d => d.Seats).HasField("_seats").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<Seat>(b =>
        {
            b.ToTable("seats");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.Constituency).HasMaxLength(100).IsRequired();
            b.Property(s => s.EndReason).HasMaxLength(500);
            b.HasIndex(s => new { s.DeputyId, s.TenantId });
            b.HasIndex(s => new { s.TenantId, s.Status, s.Level });
        });

        modelBuilder.Entity<DutyRecord>(b =>
        {
            b.ToTable("duty_records");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Title).HasMaxLength(200).IsRequired();
            b.Property(r => r.SourceModule).HasMaxLength(50).IsRequired();
            b.Property(r => r.SourceId).HasMaxLength(100).IsRequired();
            b.Property(r => r.LeaveReason).HasMaxLength(500);
            b.Property(r => r.Evidence).HasMaxLength(2000);
            b.Property(r => r.Beneficiaries).HasMaxLength(500);
            b.Property(r => r.CorrectionReason).HasMaxLength(500);
            b.Ignore(r => r.Counts);
            b.HasIndex(r => new { r.SourceModule, r.SourceId, r.DeputyId }).IsUnique();
            b.HasIndex(r => new { r.DeputyId, r.OccurredOn });
            b.HasIndex(r => new { r.TenantId, r.OccurredOn });
            b.HasIndex(r => r.CorrectsRecordId);
        });

        ReportBackModel.Configure(modelBuilder);
    }
}
