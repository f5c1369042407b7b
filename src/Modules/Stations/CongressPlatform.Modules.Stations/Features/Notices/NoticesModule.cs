using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Stations.Features.Notices;

/// <summary>The monthly public notice's permissions and its job.</summary>
internal static class NoticesModule
{
    /// <summary>The 20th of every month, 06:00 Beijing time (每月20日公示).</summary>
    public const string NoticeCron = "0 0 6 20 * ?";

    public static void AddServices(IServiceCollection services)
    {
        services.AddPermissions(
        [
            new(StationsPermissions.NoticesRead, "查看月度公示", "View monthly public notices",
                [Roles.TenantAdmin, Roles.Supervisor, Roles.Staff, Roles.StationKeeper, Roles.Deputy]),
            new(StationsPermissions.NoticesManage, "汇总、审核和发布月度公示", "Compile, review and publish monthly public notices",
                [Roles.TenantAdmin, Roles.Supervisor, Roles.Staff]),
            new(StationsPermissions.NoticesRun, "执行月度公示任务", "Run the monthly notice job", [Roles.SystemAdmin]),
        ]);
        services.AddRecurringCommand<RunMonthlyNoticesCommand>("stations.monthly-notices", NoticeCron,
            "每月20日 6:00 汇总各联络站上期收到和答复的群众意见,生成月度公示(默认为待审核草稿)",
            "On the 20th at 06:00, compile each station's opinions raised and answered since the last notice into a monthly notice (drafts for review by default)");
    }
}
