using System.Reflection;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Deputies.Points;
using System.Threading.RateLimiting;
using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.Modules.Deputies.Features.Quarterly;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
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
        services.AddScoped<IDutyPoints, DutyPointsCalculator>();
        services.AddPermissions(
        [
            new(DeputiesPermissions.PointsPoliciesRead, "查看履职积分办法", "View duty-points policies",
                [Roles.SystemAdmin, Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff, Roles.Deputy]),
            new(DeputiesPermissions.PointsPoliciesUpdate, "修改履职积分办法", "Edit duty-points policies", [Roles.TenantAdmin, Roles.Leader]),
        ]);

        // ----- Report-back (述职), public ballots, quarterly reports and reminder letters -----
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
