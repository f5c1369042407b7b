using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.Modules.Deputies;
using CongressPlatform.Modules.Identity;
using CongressPlatform.Modules.Notifications;
using CongressPlatform.Modules.Stations;

namespace CongressPlatform.Host;

/// <summary>The one list of modules. Order matters: services, migrations and endpoints follow it.</summary>
public static class Modules
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new IdentityModule(),
        new DeputiesModule(),
        new NotificationsModule(),
        new StationsModule(),
    ];
}
