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

    // --- groups, archive totals, policy revisions, duty lists (duty archive and points) ---
    public DbSet<DutyTotal> DutyTotals => Set<DutyTotal>();

    public DbSet<PointsPolicyRevision> PointsPolicyRevisions => Set<PointsPolicyRevision>();

    public DbSet<DeputyGroup> Groups => Set<DeputyGroup>();

    public DbSet<PresidiumMember> PresidiumMembers => Set<PresidiumMember>();

    public DbSet<DutyList> DutyLists => Set<DutyList>();
    // ----- Registry: consent to publish (deputies-reg) -----

    /// <summary>Consent history of persons (not tenant-owned, like the person); read it for a deputy found through <see cref="VisibleDeputies"/>.</summary>
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();

    // ----- end registry -----
    // ----- Report-back (述职) and the quarterly push (季度档案, 温馨提示函) -----
    public DbSet<ReportBack> ReportBacks => Set<ReportBack>();

    public DbSet<BallotVote> BallotVotes => Set<BallotVote>();

    public DbSet<VoterCode> VoterCodes => Set<VoterCode>();

    public DbSet<QuarterlyReport> QuarterlyReports => Set<QuarterlyReport>();

    public DbSet<ReminderLetter> ReminderLetters => Set<ReminderLetter>();

    public DbSet<QuarterlySettings> QuarterlySettings => Set<QuarterlySettings>();

    /// <summary>The deputies that the active tenant organises (or supervises): persons with at least one seat visible here.</summary>
    public IQueryable<Deputy> VisibleDeputies => Deputies.Where(d => Seats.Any(s => s.DeputyId == d.Id));

    /// <summary>Any change saved here may move a ranking: the cached rankings of this process start a new generation.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = ChangeTracker.HasChanges();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (changes)
        {
            Features.Rankings.RankingCache.Invalidate();
        }
        return saved;
    }

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
            // Both cover the registry list's seat tests (person, tenant, path): no table lookups (docs/performance.md §F.3).
            b.HasIndex(s => new { s.DeputyId, s.TenantId, s.TenantPath });
            b.HasIndex(s => new { s.TenantId, s.DeputyId, s.TenantPath });
            b.HasIndex(s => new { s.TenantId, s.Status, s.Level });
        });

        // ----- Registry: consent to publish (deputies-reg, migration 20261201011000) -----
        modelBuilder.Entity<ConsentRecord>(b =>
        {
            b.ToTable("consents");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Note).HasMaxLength(500);
            b.Property(c => c.RecordedByName).HasMaxLength(100).IsRequired();
            b.HasOne<Deputy>().WithMany().HasForeignKey(c => c.DeputyId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(c => new { c.DeputyId, c.Item, c.RecordedAtUtc });
        });
        // ----- end registry -----

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
            b.HasIndex(r => r.CorrectsRecordId).IsUnique();
        });

        ConfigureArchiveAndGroups(modelBuilder);
    }

    private static void ConfigureArchiveAndGroups(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DutyTotal>(b =>
        {
            b.ToTable("duty_totals");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.HasIndex(t => new { t.Year, t.TenantId, t.DeputyId, t.Quarter, t.Kind }).IsUnique();
            b.HasIndex(t => new { t.DeputyId, t.Year });
        });

        modelBuilder.Entity<PointsPolicyRevision>(b =>
        {
            b.ToTable("points_policy_revisions");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.RulesJson).HasMaxLength(4000).IsRequired();
            b.Ignore(r => r.Rules);
            b.HasIndex(r => new { r.PolicyId, r.Revision }).IsUnique();
        });

        modelBuilder.Entity<DeputyGroup>(b =>
        {
            b.ToTable("groups");
            b.HasKey(g => g.Id);
            b.Property(g => g.Id).ValueGeneratedNever();
            b.Property(g => g.Name).HasMaxLength(100).IsRequired();
            b.HasIndex(g => new { g.TenantId, g.Name }).IsUnique();
            b.OwnsMany(g => g.Members, m =>
            {
                m.ToTable("group_members");
                m.WithOwner().HasForeignKey("GroupId");
                m.HasKey(x => x.Id);
                m.Property(x => x.Id).ValueGeneratedNever();
                m.HasIndex(x => x.DeputyId);
            });
            b.Navigation(g => g.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<PresidiumMember>(b =>
        {
            b.ToTable("presidium_members");
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Name).HasMaxLength(50).IsRequired();
            b.OwnsMany(p => p.Contacts, c =>
            {
                c.ToTable("presidium_contacts");
                c.WithOwner().HasForeignKey("MemberId");
                c.HasKey(x => x.Id);
                c.Property(x => x.Id).ValueGeneratedNever();
                c.HasIndex(x => x.DeputyId);
            });
            b.Navigation(p => p.Contacts).HasField("_contacts").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<DutyList>(b =>
        {
            b.ToTable("duty_lists");
            b.HasKey(l => l.Id);
            b.Property(l => l.Id).ValueGeneratedNever();
            b.HasIndex(l => new { l.TenantId, l.DeputyId, l.Year }).IsUnique();
            b.OwnsMany(l => l.Items, i =>
            {
                i.ToTable("duty_list_items");
                i.WithOwner().HasForeignKey("ListId");
                i.HasKey(x => x.Id);
                i.Property(x => x.Id).ValueGeneratedNever();
                i.Property(x => x.Note).HasMaxLength(500);
            });
            b.Navigation(l => l.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        ReportBackModel.Configure(modelBuilder);
    }
}
