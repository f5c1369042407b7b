using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <summary>The duty rota's permissions and its weekly reminder job.</summary>
internal static class RotaModule
{
    /// <summary>Fridays 09:00 Beijing time: the coming week's deputies are reminded, three days ahead.</summary>
    public const string ReminderCron = "0 0 9 ? * FRI";

    public static void AddServices(IServiceCollection services)
    {
        services.AddPermissions(
        [
            new(StationsPermissions.RotaRead, "查看联络站值班表", "View station duty rotas",
                [Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff, Roles.StationKeeper]),
            new(StationsPermissions.RotaManage, "排班、审批调班、确认履职", "Plan rotas, decide swaps, confirm duty",
                [Roles.TenantAdmin, Roles.Staff, Roles.StationKeeper]),
            new(StationsPermissions.RotaSwap, "查看本人值班、申请调班和请假", "See one's own duty, request swaps and leave", [Roles.Deputy]),
            new(StationsPermissions.RotaRemindersRun, "执行值班提醒任务", "Run the duty reminder job", [Roles.SystemAdmin]),
        ]);
        services.AddRecurringCommand<RunRotaRemindersCommand>("stations.rota-reminders", ReminderCron,
            "每周五 9:00 提醒下周驻站值班的代表,并公布尚未公布的下周值班安排",
            "Fridays at 09:00, remind next week's deputies on duty and publish next week's rota if still a draft");
    }
}
