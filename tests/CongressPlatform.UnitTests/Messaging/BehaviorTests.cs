using System.Security.Claims;
using CongressPlatform.BuildingBlocks.Messaging;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.UnitTests.Messaging;

public sealed record PostalAddress(string PostCode);

[NoPermissionRequired("unit test")]
public sealed record RegisterThingCommand(string DisplayName, PostalAddress HomeAddress) : ICommand<int>;

[RequiresPermission("deputies.points-policies.update")]
public sealed record GuardedCommand : ICommand<int>;

[NoPermissionRequired("unit test")]
public sealed record OpenQuery : IQuery<int>;

[NoPermissionRequired("unit test")]
public sealed record InnerCommand : ICommand<int>;

public sealed record UndeclaredQuery : IQuery<int>;

public sealed class ValidationBehaviorTests
{
    private sealed class DisplayNameRules : AbstractValidator<RegisterThingCommand>
    {
        public DisplayNameRules()
        {
            RuleFor(c => c.DisplayName).NotEmpty().MinimumLength(3);
        }
    }

    private sealed class AddressRules : AbstractValidator<RegisterThingCommand>
    {
        public AddressRules()
        {
            RuleFor(c => c.HomeAddress.PostCode).NotEmpty();
        }
    }

    private static ValidationBehavior<RegisterThingCommand, int> Behavior() => new([new DisplayNameRules(), new AddressRules()]);

    [Fact]
    public async Task Field_errors_of_every_validator_are_gathered_under_camelCase_keys()
    {
        var called = false;
        var act = () => Behavior().Handle(new RegisterThingCommand("", new PostalAddress("")), CancellationToken.None, () =>
        {
            called = true;
            return Task.FromResult(1);
        });

        var error = (await act.Should().ThrowAsync<RequestValidationException>()).Which;
        error.Code.Should().Be("validation");
        error.Errors.Keys.Should().BeEquivalentTo("displayName", "homeAddress.postCode");
        error.Errors["displayName"].Should().HaveCount(2, "both failing rules of the field are reported");
        error.Errors["homeAddress.postCode"].Should().ContainSingle();
        called.Should().BeFalse("an invalid request never reaches its handler");
    }

    [Fact]
    public async Task A_valid_request_reaches_its_handler()
    {
        var result = await Behavior().Handle(new RegisterThingCommand("东柳街道", new PostalAddress("311000")), CancellationToken.None, () => Task.FromResult(42));
        result.Should().Be(42);
    }
}

public sealed class AuthorizationBehaviorTests
{
    private static readonly PermissionCatalog Catalog = new(
    [
        new PermissionDefinition("deputies.points-policies.update", "修改", "Edit", [Roles.Leader]),
    ]);

    private static CurrentUser User(params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimNames.Subject, Guid.NewGuid().ToString()), new(ClaimNames.Name, "张三") };
        claims.AddRange(roles.Select(r => new Claim(ClaimNames.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimNames.Name, ClaimNames.Role));
        return new CurrentUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } }, Catalog);
    }

    private static CurrentUser Anonymous() => new(new HttpContextAccessor { HttpContext = new DefaultHttpContext() }, Catalog);

    [Fact]
    public async Task A_user_without_the_permission_is_forbidden()
    {
        var behavior = new AuthorizationBehavior<GuardedCommand, int>(User(Roles.Staff));
        var act = () => behavior.Handle(new GuardedCommand(), CancellationToken.None, () => Task.FromResult(1));
        var error = (await act.Should().ThrowAsync<ForbiddenException>()).Which;
        error.Code.Should().Be("permission.denied");
        error.Message.Should().Contain("deputies.points-policies.update");
    }

    [Fact]
    public async Task An_anonymous_caller_is_forbidden()
    {
        var behavior = new AuthorizationBehavior<GuardedCommand, int>(Anonymous());
        var act = () => behavior.Handle(new GuardedCommand(), CancellationToken.None, () => Task.FromResult(1));
        await act.Should().ThrowAsync<ForbiddenException>();
    }

    [Fact]
    public async Task A_user_holding_the_permission_through_a_role_passes()
    {
        var behavior = new AuthorizationBehavior<GuardedCommand, int>(User(Roles.Staff, Roles.Leader));
        (await behavior.Handle(new GuardedCommand(), CancellationToken.None, () => Task.FromResult(7))).Should().Be(7);
    }

    [Fact]
    public async Task The_system_passes_without_roles()
    {
        var system = Anonymous();
        system.EnterSystemScope();
        var behavior = new AuthorizationBehavior<GuardedCommand, int>(system);
        (await behavior.Handle(new GuardedCommand(), CancellationToken.None, () => Task.FromResult(7))).Should().Be(7);
    }

    [Fact]
    public async Task A_request_that_needs_no_permission_passes_for_anyone()
    {
        var behavior = new AuthorizationBehavior<OpenQuery, int>(Anonymous());
        (await behavior.Handle(new OpenQuery(), CancellationToken.None, () => Task.FromResult(3))).Should().Be(3);
    }

    [Fact]
    public async Task A_request_that_declares_nothing_is_a_programming_error()
    {
        RequestPermissions.Of(typeof(GuardedCommand)).Should().Be("deputies.points-policies.update");
        RequestPermissions.Of(typeof(OpenQuery)).Should().BeNull();
        var act = () => RequestPermissions.Of(typeof(UndeclaredQuery));
        act.Should().Throw<InvalidOperationException>().WithMessage("*UndeclaredQuery*");

        var behavior = new AuthorizationBehavior<UndeclaredQuery, int>(Anonymous());
        var send = () => behavior.Handle(new UndeclaredQuery(), CancellationToken.None, () => Task.FromResult(1));
        await send.Should().ThrowAsync<InvalidOperationException>();
    }
}

public sealed class UnitOfWorkBehaviorTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly CountingContext _db;
    private readonly UnitOfWork _unitOfWork = new();

    public UnitOfWorkBehaviorTests()
    {
        _connection.Open();
        _db = new CountingContext(new DbContextOptionsBuilder<CountingContext>().UseSqlite(_connection).Options);
        _db.Database.EnsureCreated();
        _unitOfWork.Enlist(_db);
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    [Fact]
    public async Task A_command_commits_its_changes_once_it_is_handled()
    {
        var behavior = new UnitOfWorkBehavior<RegisterThingCommand, int>(_unitOfWork);
        await behavior.Handle(new RegisterThingCommand("x", new PostalAddress("1")), CancellationToken.None, () =>
        {
            _db.Items.Add(new Item());
            _db.Saves.Should().Be(0, "nothing is saved before the handler returns");
            return Task.FromResult(1);
        });
        _db.Saves.Should().Be(1);
        _unitOfWork.Depth.Should().Be(0);
        _db.ChangeTracker.HasChanges().Should().BeFalse();
    }

    [Fact]
    public async Task A_nested_command_does_not_commit_only_the_outermost_does()
    {
        var outer = new UnitOfWorkBehavior<RegisterThingCommand, int>(_unitOfWork);
        var inner = new UnitOfWorkBehavior<InnerCommand, int>(_unitOfWork);
        await outer.Handle(new RegisterThingCommand("x", new PostalAddress("1")), CancellationToken.None, async () =>
        {
            _db.Items.Add(new Item());
            await inner.Handle(new InnerCommand(), CancellationToken.None, () =>
            {
                _unitOfWork.Depth.Should().Be(2);
                _db.Items.Add(new Item());
                return Task.FromResult(2);
            });
            _db.Saves.Should().Be(0, "the nested command must not commit the outer command's half-done work");
            _unitOfWork.Depth.Should().Be(1);
            return 1;
        });
        _db.Saves.Should().Be(1);
        _unitOfWork.Depth.Should().Be(0);
        (await _db.Items.CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task A_query_never_commits()
    {
        var behavior = new UnitOfWorkBehavior<OpenQuery, int>(_unitOfWork);
        await behavior.Handle(new OpenQuery(), CancellationToken.None, () =>
        {
            _db.Items.Add(new Item());
            _unitOfWork.Depth.Should().Be(0);
            return Task.FromResult(1);
        });
        _db.Saves.Should().Be(0);
    }

    [Fact]
    public async Task A_failing_command_commits_nothing_and_unwinds_the_depth()
    {
        var behavior = new UnitOfWorkBehavior<RegisterThingCommand, int>(_unitOfWork);
        var act = () => behavior.Handle(new RegisterThingCommand("x", new PostalAddress("1")), CancellationToken.None, () =>
        {
            _db.Items.Add(new Item());
            throw new BusinessRuleException("x", "refused");
        });
        await act.Should().ThrowAsync<BusinessRuleException>();
        _db.Saves.Should().Be(0);
        _unitOfWork.Depth.Should().Be(0);
    }

    private sealed class Item
    {
        public int Id { get; set; }
    }

    private sealed class CountingContext(DbContextOptions<CountingContext> options) : DbContext(options)
    {
        public int Saves { get; private set; }

        public DbSet<Item> Items => Set<Item>();

        public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
        {
            Saves++;
            return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
    }
}
