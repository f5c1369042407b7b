using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Identity.Persistence;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Platform;

/// <summary>
/// The SQLite write coordinator (ADR 0023) on a real database file: the process's writers queue at one gate that is
/// always given back — commit, rollback, a failed save, a transaction dropped without either, a write outside a
/// transaction — every connection runs <c>synchronous=NORMAL</c>, and a commit returns only after an fsync of the log
/// that began after it. A gate not given back would show as a writer that waited its whole timeout (30 s) and then
/// went on alone: <see cref="SqliteWriteCoordinator.GateTimeouts"/>.
/// </summary>
public sealed class SqliteWriteCoordinatorTests : IAsyncLifetime, IDisposable
{
    // No demo district: these tests write their own rows only.
    private readonly PlatformFactory _factory = new(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["DemoData:Enabled"] = "false" });

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    private SqliteWriteCoordinator Coordinator => _factory.Services.GetRequiredService<SqliteWriteCoordinator>();

    private IServiceScope Scope() => _factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();

    private static InboxMessage Message(Guid? id = null) =>
        new() { MessageId = id ?? Guid.NewGuid(), Handler = "sqlite-coordinator-test", ProcessedAtUtc = DateTime.UtcNow };

    [Fact]
    public async Task Connections_run_synchronous_normal_and_a_commit_returns_after_an_fsync_that_began_after_it()
    {
        using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        // Twice: the second open takes the pooled native connection, on which the coordinator does not run the PRAGMA again.
        for (var open = 0; open < 2; open++)
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA synchronous;";
                Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(1, "1 is NORMAL (FULL is 2)");
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        using (var other = Scope())
        {
            var second = other.ServiceProvider.GetRequiredService<IdentityDbContext>();
            await second.Database.OpenConnectionAsync();
            await using var command = second.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(1, "a pooled connection keeps NORMAL");
            await second.Database.CloseConnectionAsync();
        }

        var flusher = Coordinator.Flusher!;
        var before = flusher.Flushes;
        db.InboxMessages.Add(Message());
        await db.SaveChangesAsync();
        flusher.Flushes.Should().BeGreaterThan(before);

        var beforeUpdate = flusher.Flushes;
        await db.InboxMessages.Where(m => m.Handler == "sqlite-coordinator-test")
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtUtc, DateTime.UtcNow));
        flusher.Flushes.Should().BeGreaterThan(beforeUpdate, "a write outside a transaction is made durable too");
    }

    [Fact]
    public async Task The_gate_is_given_back_after_a_rollback_a_failed_save_and_a_transaction_dropped_without_either()
    {
        var duplicate = Guid.NewGuid();
        using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            db.InboxMessages.Add(Message(duplicate));
            await db.SaveChangesAsync();
        }

        // Rolled back.
        using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.InboxMessages.Add(Message());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // A save that fails (the same key twice).
        using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            db.InboxMessages.Add(Message(duplicate));
            var save = () => db.SaveChangesAsync();
            await save.Should().ThrowAsync<DbUpdateException>();
        }

        // Dropped: neither committed nor rolled back, the scope just ends.
        using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var transaction = await db.Database.BeginTransactionAsync();
            db.InboxMessages.Add(Message());
            await db.SaveChangesAsync();
            await transaction.DisposeAsync();
        }

        // Every later writer gets in at once: none waited out the gate.
        var writers = Enumerable.Range(0, 40).Select(async _ =>
        {
            using var scope = Scope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            db.InboxMessages.Add(Message());
            await db.SaveChangesAsync();
        });
        await Task.WhenAll(writers);

        Coordinator.GateTimeouts.Should().Be(0);
        using var check = Scope();
        var stored = await check.ServiceProvider.GetRequiredService<IdentityDbContext>().InboxMessages
            .CountAsync(m => m.Handler == "sqlite-coordinator-test");
        stored.Should().Be(1 + 40, "the rolled-back and dropped rows are not there, the 40 concurrent ones are");
    }

    [Fact]
    public async Task Concurrent_writers_of_several_modules_and_a_second_connection_all_land()
    {
        var tasks = Enumerable.Range(0, 60).Select(async i =>
        {
            using var scope = Scope();
            // Two module contexts (each its own connection) of one file, alternately.
            DbContext db = i % 2 == 0
                ? scope.ServiceProvider.GetRequiredService<IdentityDbContext>()
                : scope.ServiceProvider.GetRequiredService<CongressPlatform.Modules.Deputies.Persistence.DeputiesDbContext>();
            db.Set<InboxMessage>().Add(Message());
            await db.SaveChangesAsync();
        });
        await Task.WhenAll(tasks);

        Coordinator.GateTimeouts.Should().Be(0);
        await using var connection = new SqliteConnection(_factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM identity_inbox_messages WHERE Handler = 'sqlite-coordinator-test')"
            + " + (SELECT COUNT(*) FROM deputies_inbox_messages WHERE Handler = 'sqlite-coordinator-test')";
        Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(60);
    }
}
