using System.Reflection;
using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Archive;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.DemoData;
using CongressPlatform.Modules.Deputies.Features.Rankings;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Deputies.Points;
using System.Threading.RateLimiting;
using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.Modules.Deputies.Features.Quarterly;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CongressPlatform.Modules.Deputies;

/// <summary>Deputies: registry, groups, the duty archive and duty points.</summary>
public sealed class DeputiesModule : IModule
{
    public string Name => "deputies";

    public Assembly Assembly => typeof(DeputiesModule).Assembly;

    public Assembly ContractsAssembly => typeof(DeputiesPermissions).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<DeputiesDbContext>();
        services.ConfigureDbContext<DeputiesDbContext>((_, options) => options.AddInterceptors(GenerationOnCommit.Instance), ServiceLifetime.Singleton);
        services.AddScoped<IDutyPoints, DutyPointsCalculator>();
        services.AddPermissions(
        [
            new(DeputiesPermissions.PointsPoliciesRead, "查看履职积分办法", "View duty-points policies",
                [Roles.SystemAdmin, Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff, Roles.Deputy]),
            new(DeputiesPermissions.PointsPoliciesUpdate, "修改履职积分办法", "Edit duty-points policies", [Roles.TenantAdmin, Roles.Leader]),
        ]);

        // ----- Registry (deputies-reg) -----
        services.AddPermissions(
        [
            new(DeputiesPermissions.DeputiesRead, "查看代表名册", "View the deputies registry",
                [Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.DeputiesCreate, "登记代表", "Register deputies", [Roles.TenantAdmin, Roles.Staff]),
            new(DeputiesPermissions.DeputiesUpdate, "修改代表信息、席位和公开授权", "Edit deputies, seats and publishing consent", [Roles.TenantAdmin, Roles.Staff]),
            new(DeputiesPermissions.DeputiesImport, "导入代表名册", "Import the deputies registry", [Roles.TenantAdmin, Roles.Staff]),
            new(DeputiesPermissions.DeputiesInvite, "邀请代表开通账号", "Invite deputies (open their sign-in)", [Roles.TenantAdmin, Roles.Staff]),
            new(DeputiesPermissions.DeputiesRevealContact, "查看代表完整联系方式(留痕)", "Reveal a deputy's full contact details (audited)",
                [Roles.TenantAdmin, Roles.Staff]),
        ]);
        services.AddExportSource<Features.ExportDeputies.DeputiesExportSource>();
        services.AddAttachmentOwner<DeputiesDbContext>(Name, Features.SetDeputyPhoto.SetDeputyPhotoCommandHandler.OwnerType,
            DeputiesPermissions.DeputiesRead, DeputiesPermissions.DeputiesUpdate,
            (db, id, ct) => db.Seats.AsNoTracking().Where(s => s.DeputyId == id).OrderBy(s => s.Status).ThenBy(s => s.Id)
                .Select(s => (Guid?)s.TenantId).FirstOrDefaultAsync(ct));
        services.AddSingleton<IStartupTask, DemoData.DeputiesDemoData>();
        // ----- end registry -----
        AddArchiveAndGroups(services);
        AddReportBacks(services, configuration);
    }

    // --- duty archive, groups, rankings, duty lists, my archive ---
    private static void AddArchiveAndGroups(IServiceCollection services)
    {
        services.AddScoped<DutyArchive>();
        services.AddScoped<RankingBuilder>();
        services.AddSingleton<RankingCache>();
        services.AddExportSource<RankingExportSource>();
        services.AddSingleton<IStartupTask, ArchiveDemoData>();
        string[] office = [Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff];
        services.AddPermissions(
        [
            new(DeputiesPermissions.DutyRecordsRead, "查看代表履职档案", "View deputies' duty archives", office),
            new(DeputiesPermissions.DutyRecordsCreate, "登记履职记录", "Record acts of duty", [Roles.TenantAdmin, Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.DutyRecordsCorrect, "更正履职记录", "Correct duty records", [Roles.TenantAdmin, Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.GroupsRead, "查看代表小组", "View deputy groups", office),
            new(DeputiesPermissions.GroupsManage, "管理代表小组", "Manage deputy groups", [Roles.TenantAdmin, Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.PresidiumContactsRead, "查看主席团成员联系代表", "View presidium contacts", office),
            new(DeputiesPermissions.PresidiumContactsManage, "管理主席团成员联系代表", "Manage presidium contacts", [Roles.TenantAdmin, Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.RankingsRead, "查看履职积分排名", "View duty-points rankings", office),
            new(DeputiesPermissions.DutyListsRead, "查看履职清单", "View duty lists", office),
            new(DeputiesPermissions.DutyListsManage, "制定履职清单", "Plan duty lists", [Roles.TenantAdmin, Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.MyArchiveRead, "查看本人履职档案", "View one's own duty archive", [Roles.Deputy]),
        ]);
    }

    // ----- Report-back (述职), public ballots, quarterly reports and reminder letters -----
    private static void AddReportBacks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions(
        [
            new(DeputiesPermissions.ReportBacksRead, "查看代表述职", "View report-backs",
                [Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.ReportBacksManage, "安排代表述职和测评", "Plan report-backs and run their ratings", [Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.QuarterlyReportsRead, "查看季度履职档案和温馨提示函", "View quarterly reports and reminder letters",
                [Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.QuarterlyReportsManage, "生成季度履职档案、审核发送温馨提示函", "Generate quarterly reports, review and send reminder letters",
                [Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.QuarterlyReportsRun, "执行季度履职档案推送任务", "Run the quarterly report job", [Roles.SystemAdmin]),
            new(DeputiesPermissions.QuarterlySettingsUpdate, "设置季度最低履职积分", "Set the minimum quarterly points", [Roles.TenantAdmin, Roles.Leader]),
            new(DeputiesPermissions.MyReportsRead, "查看本人的季度履职档案和提示函", "View one's own quarterly reports and letters", [Roles.Deputy]),
            new(DeputiesPermissions.MyReportBacksEdit, "修改本人的述职报告", "Edit one's own report-back text", [Roles.Deputy]),
        ]);
        services.AddRecurringCommand<RunQuarterlyReportsCommand>("deputies.quarterly-reports", "0 0 2 1 1,4,7,10 ?",
            "每季度首日 2:00 生成上季度代表履职档案并推送,履职积分不足的代表生成温馨提示函草稿",
            "On each quarter's first day at 02:00, generate and push last quarter's duty reports; draft reminder letters for lagging deputies");
        var ballotPerMinute = Math.Max(1, configuration.GetValue("Deputies:Ballots:RequestsPerMinute", 30));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(ReportBackEndpoints.BallotRateLimit, c =>
            RateLimitPartition.GetFixedWindowLimiter(
                $"{c.Connection.RemoteIpAddress}|{c.Request.RouteValues["token"]}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = ballotPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => DeputiesEndpoints.Map(endpoints);
}
