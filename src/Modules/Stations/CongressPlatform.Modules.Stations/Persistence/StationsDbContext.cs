using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.Modules.Stations.Domain;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Persistence;

internal sealed class StationsDbContext(DbContextOptions<StationsDbContext> options, ModuleDbContextDependencies dependencies)
    : ModuleDbContext(options, dependencies), IModuleSchema
{
    public static string SchemaName => "stations";

    public override string Schema => SchemaName;

    public DbSet<Station> Stations => Set<Station>();

    public DbSet<StationDeputy> StationDeputies => Set<StationDeputy>();

    public DbSet<Opinion> Opinions => Set<Opinion>();

    public DbSet<RotaWeek> RotaWeeks => Set<RotaWeek>();

    public DbSet<DutyLeave> DutyLeaves => Set<DutyLeave>();

    public DbSet<RotaSwapRequest> RotaSwapRequests => Set<RotaSwapRequest>();

    public DbSet<ReceptionEvent> ReceptionEvents => Set<ReceptionEvent>();

    public DbSet<ReceptionVenue> ReceptionVenues => Set<ReceptionVenue>();

    public DbSet<ReceptionParticipant> ReceptionParticipants => Set<ReceptionParticipant>();

    public DbSet<OpinionEvent> OpinionEvents => Set<OpinionEvent>();

    public DbSet<OpinionPhoto> OpinionPhotos => Set<OpinionPhoto>();

    public DbSet<StationNotice> StationNotices => Set<StationNotice>();

    public DbSet<StationNoticeItem> StationNoticeItems => Set<StationNoticeItem>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Station>(b =>
        {
            b.ToTable("stations");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.Name).HasMaxLength(100).IsRequired();
            b.Property(s => s.Community).HasMaxLength(100);
            b.Property(s => s.Address).HasMaxLength(200).IsRequired();
            b.Property(s => s.OpeningHours).HasMaxLength(200).IsRequired();
            b.Property(s => s.KeeperName).HasMaxLength(50);
            b.Property(s => s.LiaisonName).HasMaxLength(50);
            b.Property(s => s.Phone).HasMaxLength(30);
            b.HasIndex(s => new { s.TenantId, s.ParentId });
        });

        modelBuilder.Entity<StationDeputy>(b =>
        {
            b.ToTable("station_deputies");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.DeputyName).HasMaxLength(50).IsRequired();
            b.Ignore(a => a.IsCurrent);
            b.HasIndex(a => new { a.StationId, a.DeputyId });
            b.HasIndex(a => a.DeputyId);
        });

        modelBuilder.Entity<Opinion>(b =>
        {
            b.ToTable("opinions");
            b.HasKey(o => o.Id);
            b.Property(o => o.Id).ValueGeneratedNever();
            b.Property(o => o.TrackingCode).HasMaxLength(20).IsRequired();
            b.Property(o => o.DeputyName).HasMaxLength(50);
            b.Property(o => o.Content).HasMaxLength(2000).IsRequired();
            b.Property(o => o.Category).HasMaxLength(50);
            b.Property(o => o.Community).HasMaxLength(100);
            b.Property(o => o.ContactName).HasMaxLength(50);
            b.Property(o => o.ContactPhone).HasMaxLength(30);
            b.Property(o => o.IdempotencyKey).HasMaxLength(100);
            b.Property(o => o.HandlingUnitName).HasMaxLength(100);
            b.Property(o => o.Answer).HasMaxLength(4000);
            b.Property(o => o.AnsweredByName).HasMaxLength(50);
            b.Property(o => o.Feedback).HasMaxLength(2000);
            b.HasIndex(o => o.TrackingCode).IsUnique();
            b.HasIndex(o => o.IdempotencyKey).IsUnique();
            b.HasIndex(o => new { o.TenantId, o.Status, o.DueOn });
            b.HasIndex(o => new { o.StationId, o.ReceivedOn });
            b.HasIndex(o => o.HandlingUnitId);
        });

        modelBuilder.Entity<OpinionEvent>(b =>
        {
            b.ToTable("opinion_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Kind).HasMaxLength(30).IsRequired();
            b.Property(e => e.ActorName).HasMaxLength(50).IsRequired();
            b.Property(e => e.Note).HasMaxLength(500);
            b.HasIndex(e => new { e.OpinionId, e.AtUtc });
        });

        modelBuilder.Entity<OpinionPhoto>(b =>
        {
            b.ToTable("opinion_photos");
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.ContentType).HasMaxLength(50).IsRequired();
            b.Property(p => p.StorageKey).HasMaxLength(100).IsRequired();
            b.HasIndex(p => p.OpinionId);
        });

        ConfigureRota(modelBuilder);
        ConfigureNotices(modelBuilder);
        ConfigureReceptions(modelBuilder);
    }

    // ----- monthly public notice (每月20日公示) -----
    private static void ConfigureNotices(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StationNotice>(b =>
        {
            b.ToTable("station_notices");
            b.HasKey(n => n.Id);
            b.Property(n => n.Id).ValueGeneratedNever();
            b.Property(n => n.StationName).HasMaxLength(100).IsRequired();
            b.Property(n => n.PublishedByName).HasMaxLength(50);
            b.Property(n => n.WithdrawnReason).HasMaxLength(200);
            b.Ignore(n => n.IsDraft);
            b.HasIndex(n => new { n.StationId, n.PeriodEnd }).IsUnique();
            b.HasIndex(n => new { n.TenantId, n.Status, n.PeriodEnd });
        });

        modelBuilder.Entity<StationNoticeItem>(b =>
        {
            b.ToTable("station_notice_items");
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.Category).HasMaxLength(50);
            b.Property(i => i.Summary).HasMaxLength(StationNoticeItem.SummaryMaxLength).IsRequired();
            b.Property(i => i.Answer).HasMaxLength(StationNoticeItem.AnswerMaxLength);
            b.Property(i => i.ExcludedReason).HasMaxLength(200);
            b.HasIndex(i => new { i.NoticeId, i.OpinionId }).IsUnique();
        });
    }

    // ----- centralised reception events (集中接待选民活动) -----
    private static void ConfigureReceptions(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReceptionEvent>(b =>
        {
            b.ToTable("reception_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Title).HasMaxLength(100).IsRequired();
            b.Property(e => e.Theme).HasMaxLength(200);
            b.Property(e => e.OnlineChannel).HasMaxLength(200);
            b.Property(e => e.ClosedByName).HasMaxLength(50);
            b.HasIndex(e => new { e.TenantId, e.Date });
        });

        modelBuilder.Entity<ReceptionVenue>(b =>
        {
            b.ToTable("reception_venues");
            b.HasKey(v => v.Id);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.Property(v => v.StationName).HasMaxLength(100).IsRequired();
            b.HasIndex(v => new { v.EventId, v.StationId }).IsUnique();
            b.HasIndex(v => v.StationId);
        });

        modelBuilder.Entity<ReceptionParticipant>(b =>
        {
            b.ToTable("reception_participants");
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.DeputyName).HasMaxLength(50).IsRequired();
            b.Property(p => p.LeaveReason).HasMaxLength(200);
            b.HasIndex(p => new { p.EventId, p.DeputyId }).IsUnique();
            b.HasIndex(p => p.DeputyId);
        });
    }

    // ----- duty rota (值班表) -----
    private static void ConfigureRota(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RotaWeek>(b =>
        {
            b.ToTable("rota_weeks");
            b.HasKey(w => w.Id);
            b.Property(w => w.Id).ValueGeneratedNever();
            b.Property(w => w.DeputyName).HasMaxLength(50).IsRequired();
            b.Property(w => w.ConfirmedByName).HasMaxLength(50);
            b.Property(w => w.Note).HasMaxLength(500);
            b.Ignore(w => w.WeekEnd);
            b.Ignore(w => w.IsClosed);
            b.Ignore(w => w.IsKept);
            b.HasIndex(w => new { w.StationId, w.WeekStart }).IsUnique();
            b.HasIndex(w => new { w.DeputyId, w.WeekStart });
        });

        modelBuilder.Entity<DutyLeave>(b =>
        {
            b.ToTable("duty_leaves");
            b.HasKey(l => l.Id);
            b.Property(l => l.Id).ValueGeneratedNever();
            b.Property(l => l.DeputyName).HasMaxLength(50).IsRequired();
            b.Property(l => l.Reason).HasMaxLength(200).IsRequired();
            b.Property(l => l.RecordedByName).HasMaxLength(50).IsRequired();
            b.HasIndex(l => new { l.DeputyId, l.From });
        });

        modelBuilder.Entity<RotaSwapRequest>(b =>
        {
            b.ToTable("rota_swap_requests");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.RequesterName).HasMaxLength(50).IsRequired();
            b.Property(r => r.TargetName).HasMaxLength(50).IsRequired();
            b.Property(r => r.Reason).HasMaxLength(200);
            b.Property(r => r.DecidedByName).HasMaxLength(50);
            b.Property(r => r.DecisionNote).HasMaxLength(200);
            b.HasIndex(r => new { r.StationId, r.Status });
            b.HasIndex(r => r.RequesterDeputyId);
        });
    }
}
