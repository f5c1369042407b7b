using System.Text.Json;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using CongressPlatform.BuildingBlocks.Persistence;

namespace CongressPlatform.BuildingBlocks.Outbox;

/// <summary>An integration event waiting in its publisher's outbox, written in the same transaction as the change.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; }
    public string EventType { get; private set; } = string.Empty;
    public string Payload { get; private set; } = string.Empty;
    public DateTime OccurredAtUtc { get; private set; }
    public DateTime NextAttemptAtUtc { get; internal set; }
    public DateTime? ProcessedAtUtc { get; internal set; }
    public int Attempts { get; internal set; }
    public string? LastError { get; internal set; }

    internal static OutboxMessage From(IntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            EventType = IntegrationEventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, IntegrationEventTypes.JsonOptions),
            OccurredAtUtc = integrationEvent.OccurredAtUtc,
            NextAttemptAtUtc = integrationEvent.OccurredAtUtc,
        };
    }
}

/// <summary>That a handler has consumed a message: the key (message, handler) makes every consumer idempotent.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public string Handler { get; init; } = string.Empty;
    public DateTime ProcessedAtUtc { get; init; }
}

internal static class OutboxModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.EventType).HasMaxLength(200).IsRequired();
            b.Property(m => m.Payload).IsRequired();
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.HasIndex(m => new { m.ProcessedAtUtc, m.NextAttemptAtUtc });
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(m => new { m.MessageId, m.Handler });
            b.Property(m => m.Handler).HasMaxLength(200);
        });
    }
}

/// <summary>The outbox and inbox tables, for each module's first hand-written migration.</summary>
public static class OutboxMigration
{
    /// <summary>
    /// Starts a module's first migration: its schema (PostgreSQL) and its outbox and inbox tables.
    /// Returns the schema to pass to later calls (null on SQLite).
    /// </summary>
    public static string? CreateModuleSchema(this MigrationBuilder migrationBuilder, string schema)
    {
        var s = migrationBuilder.ModuleSchema(schema);
        if (s is not null)
        {
            migrationBuilder.EnsureSchema(s);
        }
        migrationBuilder.CreateOutboxTables(schema);
        return s;
    }

    /// <summary>Ends a module's first migration's Down: drops the outbox and inbox tables.</summary>
    public static void DropOutboxTables(this MigrationBuilder migrationBuilder, string schema)
    {
        var s = migrationBuilder.ModuleSchema(schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(schema, "inbox_messages"), s);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(schema, "outbox_messages"), s);
    }

    public static void CreateOutboxTables(this MigrationBuilder migrationBuilder, string schema)
    {
        var s = migrationBuilder.ModuleSchema(schema);
        var outbox = migrationBuilder.ModuleTable(schema, "outbox_messages");
        migrationBuilder.CreateTable(
            name: outbox,
            schema: s,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EventType = table.Column<string>(maxLength: 200, nullable: false),
                Payload = table.Column<string>(nullable: false),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                NextAttemptAtUtc = table.Column<DateTime>(nullable: false),
                ProcessedAtUtc = table.Column<DateTime>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{outbox}", x => x.Id));
        migrationBuilder.CreateIndex(
            name: $"IX_{outbox}_ProcessedAtUtc_NextAttemptAtUtc",
            schema: s,
            table: outbox,
            columns: ["ProcessedAtUtc", "NextAttemptAtUtc"]);

        var inbox = migrationBuilder.ModuleTable(schema, "inbox_messages");
        migrationBuilder.CreateTable(
            name: inbox,
            schema: s,
            columns: table => new
            {
                MessageId = table.Column<Guid>(nullable: false),
                Handler = table.Column<string>(maxLength: 200, nullable: false),
                ProcessedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{inbox}", x => new { x.MessageId, x.Handler }));
    }
}
