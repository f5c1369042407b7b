using System.Reflection;
using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Accounts;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.DemoData;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Features.Users;
using CongressPlatform.Modules.Identity.Oidc;
using Microsoft.AspNetCore.Identity;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CongressPlatform.Modules.Identity;

/// <summary>Identity: the tenant tree, handling units, users and memberships, and the OpenID provider of the single sign-on.</summary>
public sealed class IdentityModule : IModule
{
    public string Name => "identity";

    public Assembly Assembly => typeof(IdentityModule).Assembly;

    public Assembly ContractsAssembly => typeof(IdentityPermissions).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<IdentityDbContext>();
        // One key ring for every node, in the database (IDENTITY.md). Encrypting it at rest comes with the signing keys.
        services.AddSingleton<DataProtectionKeyRepository>();
        services.AddDataProtection().SetApplicationName("CongressPlatform");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyRepository>((options, repository) => options.XmlRepository = repository);
        services.AddOptions<PasswordPolicyOptions>().Bind(configuration.GetSection(PasswordPolicyOptions.Section));
        services.AddIdentityCore<UserAccount>(o =>
            {
                // Our PasswordPolicyValidator holds the rules; the built-in character rules are off.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:Lockout:MaxFailedAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:Lockout:Minutes", 15));
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddUserStore<UserAccountStore>()
            .AddTokenProvider<AuthenticatorTokenProvider<UserAccount>>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddUserValidator<PhoneNumberValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
        services.AddSingleton<ITenantDirectory, TenantDirectory>();
        services.AddOpenIdProvider(configuration);
        services.AddSingleton<IStartupTask, IdentityDemoData>();
        services.AddIdentityAudit();
        // A handling unit's letters and proofs (联系函、证明材料): read with the unit, changed by whoever may edit it.
        // The unit is looked up through this module's filters, so another street's unit (and its files) is a 404.
        services.AddAttachmentOwner<IdentityDbContext>(Name, "handling-units",
            IdentityPermissions.HandlingUnitsRead, IdentityPermissions.HandlingUnitsUpdate,
            (db, id, ct) => db.HandlingUnits.AsNoTracking().Where(u => u.Id == id).Select(u => (Guid?)u.TenantId).SingleOrDefaultAsync(ct));
        // The users and handling units lists, for export (Excel / CSV) with the lists' own filters and permissions.
        services.AddExportSource<Features.Users.UsersExportSource>();
        services.AddExportSource<Features.HandlingUnits.HandlingUnitsExportSource>();
        services.AddPermissions(
        [
            new(IdentityPermissions.TenantsRead, "查看单位", "View organisations",
                [Roles.SystemAdmin, Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff]),
            new(IdentityPermissions.TenantsCreate, "新增下级单位", "Create child organisations", [Roles.SystemAdmin]),
            new(IdentityPermissions.TenantsUpdate, "修改单位", "Edit organisations", [Roles.SystemAdmin, Roles.TenantAdmin]),
            new(IdentityPermissions.HandlingUnitsRead, "查看承办单位", "View handling units",
                // Deputies follow their suggestions to the units that answer them.
                [Roles.SystemAdmin, Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff, Roles.StationKeeper, Roles.Deputy]),
            new(IdentityPermissions.HandlingUnitsCreate, "新增承办单位", "Create handling units", [Roles.SystemAdmin, Roles.TenantAdmin, Roles.Staff]),
            new(IdentityPermissions.HandlingUnitsUpdate, "修改承办单位", "Edit handling units", [Roles.SystemAdmin, Roles.TenantAdmin, Roles.Staff]),
            // Accounts and privileges are the security administrator's, not the system administrator's (三员分立).
            new(IdentityPermissions.UsersRead, "查看用户账号", "View user accounts",
                [Roles.SecurityAdmin, Roles.TenantAdmin, Roles.Supervisor, Roles.Leader]),
            new(IdentityPermissions.UsersManage, "管理用户账号(开户、角色、重置密码、停用、解锁)", "Manage user accounts (create, roles, password reset, disable, unlock)",
                [Roles.TenantAdmin, Roles.SecurityAdmin]),
            new(IdentityPermissions.ProfileRead, "查看本人账号与所在单位", "View one's own account and seats", Roles.All),
            new(IdentityPermissions.SigningKeysRotate, "轮换令牌签名密钥", "Rotate the token signing keys", [Roles.SecurityAdmin]),
            new(IdentityPermissions.ClientsManage, "登记接入单点登录的应用", "Register applications joining the single sign-on", [Roles.SystemAdmin]),
        ]);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        IdentityEndpoints.Map(endpoints);
        ProviderEndpoints.Map(endpoints);
        ProviderServiceCollectionExtensions.MapSignInPages(endpoints);
    }
}
