using CongressPlatform.BuildingBlocks.Calendar.Features;
using CongressPlatform.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using CongressPlatform.BuildingBlocks.Persistence;

namespace CongressPlatform.BuildingBlocks.Calendar;

public static class CalendarEndpoints
{
    /// <summary>The working-day calendar API: <c>/api/platform/calendar</c>.</summary>
    public static IEndpointRouteBuilder MapPlatformCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var calendar = endpoints.MapGroup("/api/platform/calendar").WithTags("Platform: working-day calendar");
        calendar.MapGet("/working-days", (DateOnly? from, int? days, DateOnly? date, IMediator m, CancellationToken ct) =>
                m.Send(new CheckWorkingDaysQuery(from, days, date), ct))
            .RequirePermission(PlatformPermissions.CalendarRead).WithName("CheckWorkingDays");
        calendar.MapGet("/{year:int}", (int year, IMediator m, CancellationToken ct) => m.Send(new GetCalendarYearQuery(year), ct))
            .RequirePermission(PlatformPermissions.CalendarRead).WithName("GetCalendarYear");
        calendar.MapPut("/days/{date}", (DateOnly date, SaveSpecialDayBody body, IMediator m, CancellationToken ct) =>
                m.Send(body.ToCommand(date), ct))
            .RequirePermission(PlatformPermissions.CalendarManage).WithName("SaveSpecialDay");
        calendar.MapDelete("/days/{date}", async (DateOnly date, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteSpecialDayCommand(date), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PlatformPermissions.CalendarManage).WithName("DeleteSpecialDay");
        return endpoints;
    }
}

public static class CalendarServiceCollectionExtensions
{
    /// <summary>The working-day calendar: its table (schema <c>calendar</c>) and <see cref="IWorkingCalendar"/>, one per process.</summary>
    public static IServiceCollection AddPlatformCalendar(this IServiceCollection services)
    {
        services.AddModuleDbContext<CalendarDbContext>();
        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton<IWorkingCalendar>(p => p.GetRequiredService<WorkingCalendar>());
        return services;
    }
}
