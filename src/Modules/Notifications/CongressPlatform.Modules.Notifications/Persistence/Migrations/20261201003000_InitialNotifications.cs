using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Notifications.Persistence.Migrations;

/// <summary>Notifications, inboxes, preferences, channel settings, deliveries and their attempts. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(NotificationsDbContext))]
[Migration("20261201003000_InitialNotifications")]
internal sealed class InitialNotifications : Migration
{
    private const string Schema = "notifications";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.CreateModuleSchema(Schema);

        var notifications = migrationBuilder.ModuleTable(Schema, "notifications");
        migrationBuilder.CreateTable(
            name: notifications,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 4000, nullable: false),
                Link = table.Column<string>(maxLength: 500, nullable: true),
                DeduplicationKey = table.Column<string>(maxLength: 300, nullable: true),
                Recipients = table.Column<string>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ExpandedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{notifications}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{notifications}_DeduplicationKey", notifications, "DeduplicationKey", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{notifications}_ExpandedAtUtc", notifications, "ExpandedAtUtc", schema);
        TenantIndexes(migrationBuilder, notifications, schema);

        var inbox = migrationBuilder.ModuleTable(Schema, "inbox_items");
        migrationBuilder.CreateTable(
            name: inbox,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                NotificationId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 4000, nullable: false),
                Link = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ReadAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{inbox}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{inbox}_UserId_TenantId_ReadAtUtc", inbox, ["UserId", "TenantId", "ReadAtUtc"], schema);
        migrationBuilder.CreateIndex($"IX_{inbox}_NotificationId_UserId", inbox, ["NotificationId", "UserId"], schema, unique: true);
        TenantIndexes(migrationBuilder, inbox, schema);

        var preferences = migrationBuilder.ModuleTable(Schema, "preferences");
        migrationBuilder.CreateTable(
            name: preferences,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: false),
                Email = table.Column<string>(maxLength: 20, nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{preferences}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{preferences}_UserId_Category", preferences, ["UserId", "Category"], schema, unique: true);

        var settings = migrationBuilder.ModuleTable(Schema, "channel_settings");
        migrationBuilder.CreateTable(
            name: settings,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                SmtpEnabled = table.Column<bool>(nullable: false),
                SmtpHost = table.Column<string>(maxLength: 200, nullable: true),
                SmtpPort = table.Column<int>(nullable: false),
                SmtpSecurity = table.Column<string>(maxLength: 20, nullable: false),
                SmtpUserName = table.Column<string>(maxLength: 200, nullable: true),
                SmtpPasswordProtected = table.Column<string>(maxLength: 2000, nullable: true),
                SmtpFromAddress = table.Column<string>(maxLength: 200, nullable: true),
                SmtpFromName = table.Column<string>(maxLength: 100, nullable: true),
                WeComEnabled = table.Column<bool>(nullable: false),
                WeComWebhookProtected = table.Column<string>(maxLength: 2000, nullable: true),
                DingTalkEnabled = table.Column<bool>(nullable: false),
                DingTalkWebhookProtected = table.Column<string>(maxLength: 2000, nullable: true),
                DingTalkSecretProtected = table.Column<string>(maxLength: 2000, nullable: true),
                RobotCategories = table.Column<string>(maxLength: 1000, nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{settings}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{settings}_TenantId", settings, "TenantId", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{settings}_TenantPath", settings, "TenantPath", schema);

        var deliveries = migrationBuilder.ModuleTable(Schema, "deliveries");
        migrationBuilder.CreateTable(
            name: deliveries,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                NotificationId = table.Column<Guid>(nullable: false),
                Channel = table.Column<string>(maxLength: 20, nullable: false),
                RecipientUserId = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(nullable: false),
                Link = table.Column<string>(maxLength: 500, nullable: true),
                DigestKey = table.Column<string>(maxLength: 100, nullable: true),
                DigestId = table.Column<Guid>(nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                NextAttemptAtUtc = table.Column<DateTime>(nullable: false),
                ClaimedUntilUtc = table.Column<DateTime>(nullable: true),
                SentAtUtc = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{deliveries}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{deliveries}_NotificationId_Channel_RecipientUserId", deliveries,
            ["NotificationId", "Channel", "RecipientUserId"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{deliveries}_DigestKey", deliveries, "DigestKey", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{deliveries}_Status_NextAttemptAtUtc", deliveries, ["Status", "NextAttemptAtUtc"], schema);
        TenantIndexes(migrationBuilder, deliveries, schema);

        var attempts = migrationBuilder.ModuleTable(Schema, "delivery_attempts");
        migrationBuilder.CreateTable(
            name: attempts,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                DeliveryId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                StartedAtUtc = table.Column<DateTime>(nullable: false),
                DurationMs = table.Column<int>(nullable: false),
                Succeeded = table.Column<bool>(nullable: false),
                StatusCode = table.Column<int>(nullable: true),
                Error = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{attempts}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{attempts}_DeliveryId_Number", attempts, ["DeliveryId", "Number"], schema, unique: true);
        TenantIndexes(migrationBuilder, attempts, schema);
    }

    private static void TenantIndexes(MigrationBuilder migrationBuilder, string table, string? schema)
    {
        migrationBuilder.CreateIndex($"IX_{table}_TenantId", table, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{table}_TenantPath", table, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        foreach (var table in new[] { "delivery_attempts", "deliveries", "channel_settings", "preferences", "inbox_items", "notifications" })
        {
            migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, table), schema);
        }
        migrationBuilder.DropOutboxTables(Schema);
    }
}
