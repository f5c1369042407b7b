using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.UnitTests.Persistence;

/// <summary>The save interceptor and the named query filters of ModuleDbContext, on SQLite in memory.</summary>
public sealed class TenantSaveInterceptorTests : IDisposable
{
    private static readonly TenantInfo District = new(Guid.NewGuid(), "liucheng", "柳城区", TenantKind.District, "/liucheng/", null, true);
    private static readonly TenantInfo Street = new(Guid.NewGuid(), "dongliu", "东柳街道", TenantKind.Street, "/liucheng/dongliu/", District.Id, true);
    private static readonly TenantInfo Sibling = new(Guid.NewGuid(), "xiliu", "西柳街道", TenantKind.Street, "/liucheng/xiliu/", District.Id, true);
    private static readonly TenantInfo OtherDistrict = new(Guid.NewGuid(), "liuchengxi", "柳城西区", TenantKind.District, "/liuchengxi/", null, true);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public TenantSaveInterceptorTests()
    {
        _connection.Open();
        using var db = Context(SystemScope());
        db.Database.EnsureCreated();
        foreach (var tenant in new[] { District, Street, Sibling, OtherDistrict })
        {
            db.Notes.Add(NewNote($"note of {tenant.Code}", tenant));
        }
        db.SaveChanges();
    }

    public void Dispose() => _connection.Dispose();

    private static Note NewNote(string text, TenantInfo? tenant = null)
    {
        var note = new Note { Text = text };
        if (tenant is not null)
        {
            ((ITenantOwned)note).AssignTenant(tenant.Id, tenant.Path);
        }
        return note;
    }

    private static TenantContext In(TenantInfo tenant, bool supervises = false)
    {
        var context = new TenantContext();
        context.SetTenant(tenant, supervises);
        return context;
    }

    private static TenantContext SystemScope()
    {
        var context = new TenantContext();
        context.EnterSystemScope();
        return context;
    }

    private NotesDbContext Context(ITenantContext tenant) =>
        new(new DbContextOptionsBuilder<NotesDbContext>().UseSqlite(_connection).AddInterceptors(new TenantSaveInterceptor()).Options,
            new ModuleDbContextDependencies(tenant, new UnitOfWork(), new KnownTenants()));

    [Fact]
    public void A_tenant_scope_filters_with_a_plain_indexable_equality()
    {
        using var db = Context(In(Street));
        var sql = db.Notes.ToQueryString();
        sql.Should().Contain("\"TenantId\" = @", "the tenant filter must be a parameterised equality the index can serve")
            .And.NotContainAny(["Bypass", "Supervises"]);
        sql.Should().NotContain(" OR ", "flags inlined as constants leave no OR for the planner to give up on");
    }

    [Fact]
    public void A_supervisor_filters_by_path_only_and_the_system_not_at_all()
    {
        using (var supervisor = Context(In(District, supervises: true)))
        {
            var sql = supervisor.Notes.ToQueryString();
            sql.Should().Contain("LIKE").And.NotContain("\"TenantId\" = @");
        }
        using var system = Context(SystemScope());
        system.Notes.ToQueryString().Should().NotContain("WHERE");
    }

    private List<string> NotesSeenBy(ITenantContext tenant)
    {
        using var db = Context(tenant);
        return db.Notes.AsNoTracking().Select(n => n.Text).OrderBy(t => t).ToList();
    }

    private int CountAll()
    {
        using var db = Context(SystemScope());
        return db.Notes.Count();
    }

    // ----- The save interceptor -----

    [Fact]
    public async Task A_new_row_is_stamped_with_the_active_tenant()
    {
        await using var db = Context(In(Street));
        var note = NewNote("new");
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        note.TenantId.Should().Be(Street.Id);
        note.TenantPath.Should().Be(Street.Path);
    }

    [Fact]
    public void The_synchronous_save_is_intercepted_too()
    {
        using var db = Context(In(Street));
        var note = NewNote("new");
        db.Notes.Add(note);
        db.SaveChanges();
        note.TenantId.Should().Be(Street.Id);
    }

    [Fact]
    public async Task Inserting_into_a_sibling_tenant_is_refused()
    {
        await using var db = Context(In(Street));
        db.Notes.Add(NewNote("smuggled", Sibling));
        var error = (await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<ForbiddenException>()).Which;
        error.Code.Should().Be("tenant.outside_scope");
        CountAll().Should().Be(4);
    }

    [Fact]
    public async Task A_row_naming_a_tenant_with_another_tenants_path_is_refused()
    {
        await using var db = Context(In(District, supervises: true));
        // Another district's id with a path inside the supervisor's own subtree.
        var note = new Note { Text = "forged" };
        ((ITenantOwned)note).AssignTenant(OtherDistrict.Id, Street.Path);
        db.Notes.Add(note);
        var error = (await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<ForbiddenException>()).Which;
        error.Code.Should().Be("tenant.outside_scope");
        CountAll().Should().Be(4);
    }

    [Fact]
    public async Task A_row_naming_an_unknown_tenant_is_refused_even_by_the_system()
    {
        await using var db = Context(SystemScope());
        db.Notes.Add(NewNote("orphan", new TenantInfo(Guid.NewGuid(), "ghost", "幽灵", TenantKind.Street, "/liucheng/ghost/", District.Id, true)));
        await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<ForbiddenException>();
        CountAll().Should().Be(4);
    }

    [Fact]
    public async Task Inserting_into_a_child_needs_supervision()
    {
        await using (var plain = Context(In(District)))
        {
            plain.Notes.Add(NewNote("into the street", Street));
            await plain.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<ForbiddenException>();
        }
        await using (var supervisor = Context(In(District, supervises: true)))
        {
            var note = NewNote("into the street", Street);
            supervisor.Notes.Add(note);
            await supervisor.SaveChangesAsync();
            note.TenantId.Should().Be(Street.Id);
        }
        NotesSeenBy(In(Street)).Should().Contain("into the street");
    }

    [Fact]
    public async Task A_supervisor_may_not_write_outside_its_subtree()
    {
        await using var db = Context(In(District, supervises: true));
        db.Notes.Add(NewNote("elsewhere", OtherDistrict));
        await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<ForbiddenException>();
    }

    [Fact]
    public async Task A_row_cannot_move_to_another_tenant_even_for_the_system()
    {
        foreach (var scope in new ITenantContext[] { In(Street), In(District, supervises: true), SystemScope() })
        {
            await using var db = Context(scope);
            var note = await db.Notes.IgnoreQueryFilters().SingleAsync(n => n.TenantId == Street.Id);
            db.Entry(note).Property(nameof(ITenantOwned.TenantId)).CurrentValue = Sibling.Id;
            db.Entry(note).Property(nameof(ITenantOwned.TenantPath)).CurrentValue = Sibling.Path;
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<ForbiddenException>();
        }
        NotesSeenBy(In(Street)).Should().Equal("note of dongliu");
    }

    [Fact]
    public async Task Changing_or_deleting_a_sibling_row_is_refused()
    {
        Note sibling;
        await using (var system = Context(SystemScope()))
        {
            sibling = await system.Notes.AsNoTracking().SingleAsync(n => n.TenantId == Sibling.Id);
        }
        await using (var db = Context(In(Street)))
        {
            db.Notes.Attach(sibling);
            sibling.Text = "defaced";
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<ForbiddenException>();
        }
        await using (var db = Context(In(Street)))
        {
            db.Notes.Remove(sibling);
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<ForbiddenException>();
        }
        NotesSeenBy(In(Sibling)).Should().Equal("note of xiliu");
    }

    [Fact]
    public async Task A_row_without_a_tenant_is_refused_where_there_is_none_to_stamp()
    {
        await using (var system = Context(SystemScope()))
        {
            system.Notes.Add(NewNote("orphan"));
            await system.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*no tenant*");
        }
        await using (var unresolved = Context(new TenantContext()))
        {
            unresolved.Notes.Add(NewNote("orphan"));
            await unresolved.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();
        }
        await using (var unresolved = Context(new TenantContext()))
        {
            unresolved.Notes.Add(NewNote("claims a tenant", Street));
            await unresolved.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<ForbiddenException>();
        }
        CountAll().Should().Be(4);
    }

    [Fact]
    public async Task The_system_may_insert_a_row_that_names_its_tenant()
    {
        await using var db = Context(SystemScope());
        db.Notes.Add(NewNote("by a job", OtherDistrict));
        await db.SaveChangesAsync();
        CountAll().Should().Be(5);
    }

    [Fact]
    public async Task An_update_renews_the_concurrency_token()
    {
        await using var db = Context(In(Street));
        var note = await db.Notes.SingleAsync();
        var before = note.Version;
        note.Text = "edited";
        await db.SaveChangesAsync();
        note.Version.Should().NotBe(before);
    }

    // ----- The named query filters -----

    [Fact]
    public void A_tenant_sees_only_its_own_rows()
    {
        NotesSeenBy(In(Street)).Should().Equal("note of dongliu");
        NotesSeenBy(In(District)).Should().Equal("note of liucheng");
    }

    [Fact]
    public void A_sibling_rows_are_invisible_even_to_a_supervising_street()
    {
        NotesSeenBy(In(Street, supervises: true)).Should().Equal("note of dongliu");
    }

    [Fact]
    public void A_supervisor_sees_its_subtree_and_nothing_beyond()
    {
        NotesSeenBy(In(District, supervises: true)).Should().Equal("note of dongliu", "note of liucheng", "note of xiliu");
    }

    [Fact]
    public void An_unresolved_scope_sees_nothing_and_the_system_sees_everything()
    {
        NotesSeenBy(new TenantContext()).Should().BeEmpty();
        NotesSeenBy(SystemScope()).Should().HaveCount(4);
    }

    [Fact]
    public void Lifting_only_the_tenant_filter_still_keeps_a_caller_inside_its_subtree()
    {
        using var db = Context(In(District));
        db.Notes.IgnoreQueryFilters([ModuleDbContext.TenantFilter]).Select(n => n.Text).OrderBy(t => t).ToList()
            .Should().Equal("note of dongliu", "note of liucheng", "note of xiliu");
    }

    [Fact]
    public void Lean_filters_leave_out_the_path_only_where_the_tenant_condition_implies_it()
    {
        using (var street = Context(In(Street)))
        {
            var lean = street.WithLeanTenantFilters(street.Notes.AsNoTracking());
            lean.ToQueryString().Should().Contain("\"TenantId\" = @").And.NotContain("LIKE", "a street's rows are the rows of its id");
            lean.Select(n => n.Text).ToList().Should().Equal("note of dongliu");
        }
        using (var supervisor = Context(In(District, supervises: true)))
        {
            var query = supervisor.Notes.AsNoTracking();
            supervisor.WithLeanTenantFilters(query).Should().BeSameAs(query, "a supervisor is filtered by the path alone");
            supervisor.WithLeanTenantFilters(query).Select(n => n.Text).OrderBy(t => t).ToList()
                .Should().Equal("note of dongliu", "note of liucheng", "note of xiliu");
        }
        using (var supervisingStreet = Context(In(Street, supervises: true)))
        {
            supervisingStreet.WithLeanTenantFilters(supervisingStreet.Notes.AsNoTracking()).Select(n => n.Text).ToList()
                .Should().Equal("note of dongliu");
        }
        using (var unresolved = Context(new TenantContext()))
        {
            var query = unresolved.Notes.AsNoTracking();
            unresolved.WithLeanTenantFilters(query).Should().BeSameAs(query);
            unresolved.WithLeanTenantFilters(query).Should().BeEmpty();
        }
        using var system = Context(SystemScope());
        var all = system.Notes.AsNoTracking();
        system.WithLeanTenantFilters(all).Should().BeSameAs(all);
    }

    [Fact]
    public void Lean_filters_apply_to_every_entity_of_the_query_and_keep_each_to_its_tenant()
    {
        using var db = Context(In(Street));
        // A subquery over the same set: both its rows and the outer rows stay the street's.
        var query = db.WithLeanTenantFilters(db.Notes.AsNoTracking().Where(n => db.Notes.Any(o => o.Text == n.Text)));
        query.ToQueryString().Should().NotContain("LIKE");
        query.Select(n => n.Text).ToList().Should().Equal("note of dongliu");
    }

    [Fact]
    public void An_inlined_page_writes_its_size_into_the_sql_and_the_first_page_has_no_offset()
    {
        using var db = Context(SystemScope());
        var ordered = db.Notes.AsNoTracking().OrderBy(n => n.Text);
        var first = ordered.PageInlined(0, 2);
        first.ToQueryString().Should().Contain("LIMIT 2").And.NotContain("OFFSET").And.NotContain("@");
        first.Select(n => n.Text).ToList().Should().Equal("note of dongliu", "note of liucheng");

        var second = ordered.PageInlined(2, 2);
        second.ToQueryString().Should().Contain("LIMIT 2").And.Contain("OFFSET @");
        second.Select(n => n.Text).ToList().Should().Equal("note of liuchengxi", "note of xiliu");
        ordered.PageInlined(4, 2).Should().BeEmpty();
    }

    internal sealed class Note : TenantOwnedEntity
    {
        public string Text { get; set; } = string.Empty;
    }

    internal sealed class NotesDbContext(DbContextOptions<NotesDbContext> options, ModuleDbContextDependencies dependencies)
        : ModuleDbContext(options, dependencies)
    {
        public override string Schema => "notes";

        public DbSet<Note> Notes => Set<Note>();

        protected override void ConfigureModel(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Note>(b =>
            {
                b.ToTable("notes");
                b.HasKey(n => n.Id);
                b.Property(n => n.Id).ValueGeneratedNever();
                b.Property(n => n.Text).HasMaxLength(100);
            });
    }

    private sealed class KnownTenants : ITenantDirectory
    {
        private static readonly TenantInfo[] All = [District, Street, Sibling, OtherDistrict];

        public Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken) =>
            Task.FromResult(All.FirstOrDefault(t => t.Id == id));

        public Task<TenantInfo?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
            Task.FromResult(All.FirstOrDefault(t => t.Code == code));

        public void Invalidate(Guid id)
        {
        }
    }
}
