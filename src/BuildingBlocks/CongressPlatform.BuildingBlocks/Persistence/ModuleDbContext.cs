using System.Linq.Expressions;
using System.Reflection;
using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Persistence;

/// <summary>Gives a module DbContext its schema name before an instance exists (registration, migrations).</summary>
public interface IModuleSchema
{
    static abstract string SchemaName { get; }
}

/// <summary>What every module DbContext needs from the scope it lives in.</summary>
public sealed class ModuleDbContextDependencies(
    ITenantContext tenant, UnitOfWork unitOfWork, ITenantDirectory directory, AuditCollector? auditCollector = null,
    IOptions<DatabaseOptions>? database = null)
{
    /// <summary>The configured provider (null outside the host, e.g. unit tests on their own options).</summary>
    public DatabaseProvider? Provider { get; } = database?.Value.Provider;

    public ITenantContext Tenant { get; } = tenant;
    public UnitOfWork UnitOfWork { get; } = unitOfWork;
    public ITenantDirectory Directory { get; } = directory;

    /// <summary>Where this scope's saves are collected for the command's audit entry (none outside the host, e.g. unit tests).</summary>
    public AuditCollector? AuditCollector { get; } = auditCollector;
}

/// <summary>
/// Base of every module's DbContext: its own schema (a table prefix on SQLite), its outbox and
/// inbox, the named tenant query filters, UTC date-times and app-managed concurrency tokens.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    /// <summary>Named filter: rows of the active tenant only, unless the caller supervises its subtree.</summary>
    public const string TenantFilter = "tenant";

    /// <summary>Named filter: rows inside the active tenant's subtree. Never off outside a system scope.</summary>
    public const string SubtreeFilter = "subtree";

    private const string NoTenantPath = "\u0001";

    protected ModuleDbContext(DbContextOptions options, ModuleDbContextDependencies dependencies)
        : base(options)
    {
        TenantScope = dependencies.Tenant;
        TenantDirectory = dependencies.Directory;
        AuditCollector = dependencies.AuditCollector;
        dependencies.UnitOfWork.Enlist(this);
        if (dependencies.Provider == DatabaseProvider.Sqlite)
        {
            // Every save in a transaction, so the SQLite write coordinator sees its start and its commit (ADR 0023).
            Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    public ITenantContext TenantScope { get; }

    /// <summary>Used by the save interceptor to check that a row's tenant path is its tenant's.</summary>
    internal ITenantDirectory TenantDirectory { get; }

    /// <summary>Read by the audit interceptor: the scope's collector of saved changes.</summary>
    internal AuditCollector? AuditCollector { get; }

    /// <summary>The module's schema (PostgreSQL) or table prefix (SQLite).</summary>
    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    // Read by the query filters; EF Core turns these into parameters evaluated per query.
    // Protected so that the tenant tree itself (whose rows are tenants) can filter with the same parameters.
    protected bool FilterBypass => TenantScope.IsSystem;

    protected bool FilterSupervises => TenantScope.SupervisesSubtree;

    protected Guid FilterTenantId => TenantScope.IsResolved ? TenantScope.TenantId : Guid.Empty;

    protected string FilterPath => TenantScope is { IsResolved: true, IsSystem: false } ? TenantScope.TenantPath : NoTenantPath;

    /// <summary>
    /// <paramref name="query"/> without the subtree condition where the tenant condition already implies it: a tenant scope
    /// that does not supervise sees only rows with <c>TenantId</c> = its own, and a row's path is always its tenant's (the
    /// save interceptor checks it), so <c>TenantPath LIKE 'path%'</c> excludes nothing more. It is not free on PostgreSQL:
    /// the planner multiplies the two conditions' selectivities as if they were independent (and estimates a parameter's
    /// LIKE at 0.5%), so it expects a handful of a tenant's rows where there are hundreds, and plans a list's page by
    /// reading all of them (ADR 0025). A supervisor's and the system's queries are returned unchanged.
    /// Lifts the subtree filter for every entity in the query: never combine it with lifting the tenant filter.
    /// </summary>
    public IQueryable<T> WithLeanTenantFilters<T>(IQueryable<T> query)
        where T : class =>
        TenantScope is { IsResolved: true, IsSystem: false, SupervisesSubtree: false } ? query.IgnoreQueryFilters([SubtreeFilter]) : query;

    /// <summary>Records an integration event in this module's outbox; it is saved with the same SaveChanges as the change.</summary>
    public void Publish(IntegrationEvent integrationEvent) => OutboxMessages.Add(OutboxMessage.From(integrationEvent));

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var sqlite = Database.IsSqlite();
        if (!sqlite)
        {
            modelBuilder.HasDefaultSchema(Schema);
        }
        OutboxModel.Configure(modelBuilder);
        ConfigureModel(modelBuilder);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (sqlite && entityType.GetTableName() is { } table && !table.StartsWith(Schema + "_", StringComparison.Ordinal))
            {
                entityType.SetTableName($"{Schema}_{table}");
            }
            if (entityType.IsOwned())
            {
                continue;
            }
            var clr = entityType.ClrType;
            if (typeof(ITenantOwned).IsAssignableFrom(clr) && entityType.BaseType is null)
            {
                ApplyTenantFiltersMethod.MakeGenericMethod(clr).Invoke(this, [modelBuilder]);
            }
            if (typeof(IVersioned).IsAssignableFrom(clr) && entityType.BaseType is null)
            {
                modelBuilder.Entity(clr).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    private static readonly MethodInfo ApplyTenantFiltersMethod =
        typeof(ModuleDbContext).GetMethod(nameof(ApplyTenantFilters), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void ApplyTenantFilters<TEntity>(ModelBuilder modelBuilder)
        where TEntity : class, ITenantOwned
    {
        var entity = modelBuilder.Entity<TEntity>();
        // The scope flags are inlined as constants (EF.Constant): each of the few flag combinations gets
        // its own SQL, so a tenant scope's filter is a plain "TenantId = @id" that can use the index,
        // instead of "@bypass OR @supervises OR TenantId = @id", which SQLite plans as a full scan.
        entity.HasQueryFilter(SubtreeFilter, (Expression<Func<TEntity, bool>>)(e => EF.Constant(FilterBypass) || e.TenantPath.StartsWith(FilterPath)));
        entity.HasQueryFilter(TenantFilter, (Expression<Func<TEntity, bool>>)(e => EF.Constant(FilterBypass) || EF.Constant(FilterSupervises) || e.TenantId == FilterTenantId));
        entity.Property(e => e.TenantPath).HasMaxLength(200).IsRequired();
        entity.HasIndex(e => e.TenantId);
        entity.HasIndex(e => e.TenantPath);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
