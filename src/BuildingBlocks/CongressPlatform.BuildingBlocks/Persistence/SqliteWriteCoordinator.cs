using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Persistence;

/// <summary>
/// How this process writes to its SQLite file (ADR 0023). SQLite lets one writer at a time in; a second one gets
/// <c>SQLITE_BUSY</c>, on which Microsoft.Data.Sqlite sleeps 150 ms and tries again — under load, every request waits
/// in those sleeps. So the writers of this process queue here instead, in order and without sleeping: a transaction
/// takes the gate when it begins and gives it back when it commits, rolls back, fails or its connection closes; a
/// write outside a transaction holds it for its one command.
/// <para>
/// And commits are made durable together (group commit): the connections run <c>synchronous=NORMAL</c> (no fsync per
/// commit, safe against a killed process but not against a power cut), and every commit then waits for one shared
/// fsync of the write-ahead log (<see cref="WalFlusher"/>) before it returns — a caller told "saved" is saved even
/// after a power cut, as with <c>synchronous=FULL</c>, but concurrent commits share their fsync instead of queueing
/// one each (about 5 ms on this machine's disk: at most ~180 commits a second otherwise).
/// </para>
/// </summary>
internal sealed class SqliteWriteCoordinator : DbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<DbConnection, byte> _holders = new();
    private readonly TimeSpan _wait;
    private readonly ILogger<SqliteWriteCoordinator> _logger;

    public SqliteWriteCoordinator(IOptions<DatabaseOptions> options, ILogger<SqliteWriteCoordinator> logger)
    {
        _logger = logger;
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString);
        // As long as SQLite itself would wait for the lock; after that the writer goes on alone (and SQLite decides).
        _wait = TimeSpan.FromSeconds(builder.DefaultTimeout > 0 ? builder.DefaultTimeout : 30);
        Flusher = builder.DataSource is ":memory:" or "" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : new WalFlusher(builder.DataSource + "-wal");
    }

    /// <summary>Null for an in-memory database (nothing to make durable).</summary>
    internal WalFlusher? Flusher { get; }

    /// <summary>Writers that waited longer than the connection's timeout and went on without the gate (expected: 0).</summary>
    internal long GateTimeouts;

    public void Dispose() => _gate.Dispose();

    // ---- transactions ----

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, _gate.Wait(_wait));
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        // Not the caller's token: a request aborted while queued must not leave a half-taken gate behind.
        Enter(connection, await _gate.WaitAsync(_wait, CancellationToken.None));
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        Leave(ConnectionOf(transaction, eventData));
        Flusher?.FlushAsync().GetAwaiter().GetResult();
    }

    public override async Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // The next writer goes in while this commit waits for its fsync: that is what lets commits share one.
        Leave(ConnectionOf(transaction, eventData));
        if (Flusher is not null)
        {
            await Flusher.FlushAsync();
        }
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Leave(ConnectionOf(transaction, eventData));

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Leave(ConnectionOf(transaction, eventData));

    public override Task TransactionFailedAsync(
        DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    // ---- connections: every connection runs synchronous=NORMAL; closing one gives back a gate its transaction kept ----

    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection);

    // SQLite runs a PRAGMA synchronously whatever the API: the async path does the same as the sync one.
    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Prepare(connection);
        return Task.CompletedTask;
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    // ---- a write outside a transaction (ExecuteUpdate, ExecuteDelete, raw SQL) holds the gate for its command ----

    InterceptionResult<int> IDbCommandInterceptor.NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            Enter(connection, _gate.Wait(_wait));
        }
        return result;
    }

    async ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            Enter(connection, await _gate.WaitAsync(_wait, CancellationToken.None));
        }
        return result;
    }

    int IDbCommandInterceptor.NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (command.Transaction is null && command.Connection is { } connection && Leave(connection))
        {
            Flusher?.FlushAsync().GetAwaiter().GetResult();
        }
        return result;
    }

    async ValueTask<int> IDbCommandInterceptor.NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken)
    {
        if (command.Transaction is null && command.Connection is { } connection && Leave(connection) && Flusher is not null)
        {
            await Flusher.FlushAsync();
        }
        return result;
    }

    void IDbCommandInterceptor.CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            Leave(connection);
        }
    }

    Task IDbCommandInterceptor.CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            Leave(connection);
        }
        return Task.CompletedTask;
    }

    // A SQLite transaction forgets its connection once it has committed or rolled back; the context still knows it.
    private static DbConnection? ConnectionOf(DbTransaction? transaction, TransactionEventData eventData) =>
        transaction?.Connection ?? eventData.Context?.Database.GetDbConnection();

    /// <summary>The native connections already set to <c>synchronous=NORMAL</c> (Microsoft.Data.Sqlite pools them, and the setting stays with them).</summary>
    private static readonly ConditionalWeakTable<object, object> Prepared = new();

    private static void Prepare(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Prepared.TryGetValue(handle, out _))
        {
            return;
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }
        if (handle is not null)
        {
            Prepared.AddOrUpdate(handle, handle);
        }
    }

    private void Enter(DbConnection connection, bool acquired)
    {
        if (!acquired)
        {
            Interlocked.Increment(ref GateTimeouts);
            _logger.LogWarning("A SQLite writer waited {Seconds} s for the write gate and goes on without it", _wait.TotalSeconds);
            return;
        }
        if (!_holders.TryAdd(connection, 0))
        {
            // The connection already holds the gate (cannot happen: one transaction per connection); keep one permit.
            _gate.Release();
        }
    }

    /// <summary>Gives back the gate if <paramref name="connection"/> holds it; true when it did.</summary>
    private bool Leave(DbConnection? connection)
    {
        if (connection is null || !_holders.TryRemove(connection, out _))
        {
            return false;
        }
        _gate.Release();
        return true;
    }
}

/// <summary>
/// One fsync of the write-ahead log for every commit made before it began: a caller awaits <see cref="FlushAsync"/>
/// after its commit and is released by the next fsync that starts after it asked. While one fsync runs, new callers
/// gather for the next.
/// </summary>
internal sealed class WalFlusher(string walPath, Action<string>? fsync = null)
{
    private readonly Lock _sync = new();
    private readonly Action<string> _fsync = fsync ?? FsyncFile;
    private TaskCompletionSource? _next;
    private bool _running;
    private long _flushes;

    /// <summary>How many fsyncs ran (for the tests and the benchmark).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    public Task FlushAsync()
    {
        TaskCompletionSource waiter;
        var start = false;
        lock (_sync)
        {
            _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiter = _next;
            if (!_running)
            {
                _running = true;
                start = true;
            }
        }
        if (start)
        {
            _ = Task.Run(Run);
        }
        return waiter.Task;
    }

    private void Run()
    {
        while (true)
        {
            TaskCompletionSource batch;
            lock (_sync)
            {
                if (_next is null)
                {
                    _running = false;
                    return;
                }
                batch = _next;
                _next = null;
            }
            try
            {
                _fsync(walPath);
                Interlocked.Increment(ref _flushes);
                batch.SetResult();
            }
            catch (Exception exception)
            {
                batch.SetException(exception);
            }
        }
    }

    private static void FsyncFile(string path)
    {
        try
        {
            // fsync applies to the file, whichever descriptor wrote it: SQLite's own writes are flushed by this one.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
            stream.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // No log: everything was checkpointed into the database file, which SQLite synced when it did so.
        }
    }
}
