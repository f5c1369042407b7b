using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Notifications.Persistence;

/// <summary>
/// The notifications schema. Saved last in a command's unit of work (<see cref="ISavedLast"/>), so a notice is queued
/// only once the change it reports has been saved.
/// </summary>
internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options, ModuleDbContextDependencies dependencies)
    : ModuleDbContext(options, dependencies), IModuleSchema, ISavedLast
{
    public static string SchemaName => "notifications";

    public override string Schema => SchemaName;

    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();
    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();
    public DbSet<ChannelSettings> ChannelSettings => Set<ChannelSettings>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NotificationRecord>(b =>
        {
            b.ToTable("notifications");
            b.HasKey(n => n.Id);
            b.Property(n => n.Id).ValueGeneratedNever();
            b.Property(n => n.Category).HasMaxLength(NotificationRecord.MaxCategoryLength).IsRequired();
            b.Property(n => n.Title).HasMaxLength(NotificationRecord.MaxTitleLength).IsRequired();
            b.Property(n => n.Body).HasMaxLength(NotificationRecord.MaxBodyLength).IsRequired();
            b.Property(n => n.Link).HasMaxLength(NotificationRecord.MaxLinkLength);
            b.Property(n => n.DeduplicationKey).HasMaxLength(NotificationRecord.MaxKeyLength);
            b.Property(n => n.Recipients).IsRequired();
            b.Ignore(n => n.RecipientIds);
            b.HasIndex(n => n.DeduplicationKey).IsUnique();
            b.HasIndex(n => n.ExpandedAtUtc);
        });
        modelBuilder.Entity<InboxItem>(b =>
        {
            b.ToTable("inbox_items");
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.Category).HasMaxLength(NotificationRecord.MaxCategoryLength).IsRequired();
            b.Property(i => i.Title).HasMaxLength(NotificationRecord.MaxTitleLength).IsRequired();
            b.Property(i => i.Body).HasMaxLength(NotificationRecord.MaxBodyLength).IsRequired();
            b.Property(i => i.Link).HasMaxLength(NotificationRecord.MaxLinkLength);
            // The bell's count and the inbox list: one user's rows of the active tenant, unread first.
            b.HasIndex(i => new { i.UserId, i.TenantId, i.ReadAtUtc });
            b.HasIndex(i => new { i.NotificationId, i.UserId }).IsUnique();
        });
        modelBuilder.Entity<NotificationPreference>(b =>
        {
            b.ToTable("preferences");
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Category).HasMaxLength(NotificationRecord.MaxCategoryLength).IsRequired();
            b.Property(p => p.Email).HasConversion<string>().HasMaxLength(20).IsRequired();
            b.HasIndex(p => new { p.UserId, p.Category }).IsUnique();
        });
        modelBuilder.Entity<ChannelSettings>(b =>
        {
            b.ToTable("channel_settings");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.SmtpHost).HasMaxLength(200);
            b.Property(s => s.SmtpSecurity).HasConversion<string>().HasMaxLength(20).IsRequired();
            b.Property(s => s.SmtpUserName).HasMaxLength(200);
            b.Property(s => s.SmtpPasswordProtected).HasMaxLength(2000);
            b.Property(s => s.SmtpFromAddress).HasMaxLength(200);
            b.Property(s => s.SmtpFromName).HasMaxLength(100);
            b.Property(s => s.WeComWebhookProtected).HasMaxLength(2000);
            b.Property(s => s.DingTalkWebhookProtected).HasMaxLength(2000);
            b.Property(s => s.DingTalkSecretProtected).HasMaxLength(2000);
            b.Property(s => s.RobotCategories).HasMaxLength(1000).IsRequired();
            b.Ignore(s => s.RobotCategoryList);
            // One row per tenant (its TenantId index is added by the tenant filter convention; this one is unique).
            b.HasIndex(s => s.TenantId).IsUnique();
        });
        modelBuilder.Entity<Delivery>(b =>
        {
            b.ToTable("deliveries");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Property(d => d.Channel).HasConversion<string>().HasMaxLength(20).IsRequired();
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
            b.Property(d => d.Category).HasMaxLength(NotificationRecord.MaxCategoryLength).IsRequired();
            b.Property(d => d.Subject).HasMaxLength(NotificationRecord.MaxTitleLength).IsRequired();
            b.Property(d => d.Body).IsRequired();
            b.Property(d => d.Link).HasMaxLength(NotificationRecord.MaxLinkLength);
            b.Property(d => d.DigestKey).HasMaxLength(100);
            b.Property(d => d.LastError).HasMaxLength(Delivery.MaxErrorLength);
            b.HasIndex(d => new { d.NotificationId, d.Channel, d.RecipientUserId }).IsUnique();
            b.HasIndex(d => d.DigestKey).IsUnique();
            b.HasIndex(d => new { d.Status, d.NextAttemptAtUtc });
        });
        modelBuilder.Entity<DeliveryAttempt>(b =>
        {
            b.ToTable("delivery_attempts");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Error).HasMaxLength(Delivery.MaxErrorLength);
            b.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
        });
    }
}
