using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Identity;

/// <summary>Accounts through ASP.NET Core Identity's UserManager on our own store, on SQLite and PostgreSQL.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AccountTests(Platforms platforms)
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_account_is_created_with_a_hashed_password_and_found_by_name(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = "u" + Unique();
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var result = await users.CreateAsync(UserAccount.Create(name, "陈一", Phone(), $"{name}@liucheng.gov.cn", null, Now), "Liucheng#2026");
            result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        using var next = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var manager = next.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var found = await manager.FindByNameAsync(name.ToUpperInvariant());
        found.Should().NotBeNull();
        found!.PasswordHash.Should().NotBeNullOrEmpty().And.NotContain("Liucheng#2026");
        (await manager.CheckPasswordAsync(found, "Liucheng#2026")).Should().BeTrue();
        (await manager.CheckPasswordAsync(found, "liucheng#2026")).Should().BeFalse();
        found.MustChangePassword.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Weak_passwords_duplicate_names_and_duplicate_phones_are_refused_in_chinese(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var name = "u" + Unique();
        var phone = Phone();
        (await users.CreateAsync(UserAccount.Create(name, "周二", phone, null, null, Now), "Dongliu#2026")).Succeeded.Should().BeTrue();

        var weak = await users.CreateAsync(UserAccount.Create("u" + Unique(), "吴三", Phone(), null, null, Now), "P@ssw0rd");
        weak.Errors.Select(e => e.Code).Should().Contain("password.common");

        var sameName = await users.CreateAsync(UserAccount.Create(name, "郑四", Phone(), null, null, Now), "Dongliu#2026");
        sameName.Errors.Should().Contain(e => e.Code == "DuplicateUserName" && e.Description.Contains("已被使用"));

        var samePhone = await users.CreateAsync(UserAccount.Create("u" + Unique(), "王五", phone, null, null, Now), "Dongliu#2026");
        samePhone.Errors.Should().Contain(e => e.Code == "phone.taken" && e.Description.Contains("手机号"));

        var badPhone = await users.CreateAsync(UserAccount.Create("u" + Unique(), "冯六", "12345", null, null, Now), "Dongliu#2026");
        badPhone.Errors.Select(e => e.Code).Should().Contain("phone.invalid");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = UserAccount.Create("u" + Unique(), "陈七", Phone(), null, null, Now);
        (await users.CreateAsync(account, "Xinchang#2026")).Succeeded.Should().BeTrue();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await users.AccessFailedAsync(account);
            (await users.IsLockedOutAsync(account)).Should().BeFalse($"{attempt} failures do not lock yet");
        }
        await users.AccessFailedAsync(account);

        (await users.IsLockedOutAsync(account)).Should().BeTrue();
        var end = await users.GetLockoutEndDateAsync(account);
        end.Should().NotBeNull();
        end!.Value.UtcDateTime.Should().BeCloseTo(DateTime.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
    }
}
