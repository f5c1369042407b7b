using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.Modules.Deputies.Features.Quarterly;

/// <summary>
/// The quarterly job (the first day of each quarter, 02:00 Beijing time): for every tenant that organises serving deputies,
/// <see cref="GenerateQuarterlyReportsCommand"/> for the quarter that just ended, each tenant in a scope of its own (its
/// own unit of work: one tenant's failure does not undo another's). Idempotent per tenant and quarter.
/// </summary>
[RequiresPermission(DeputiesPermissions.QuarterlyReportsRun)]
public sealed record RunQuarterlyReportsCommand : ICommand<int>;

internal sealed class RunQuarterlyReportsCommandHandler(
    DeputiesDbContext db, ITenantDirectory tenants, IServiceScopeFactory scopes, TimeProvider clock, ILogger<RunQuarterlyReportsCommandHandler> logger)
    : IRequestHandler<RunQuarterlyReportsCommand, int>
{
    public async Task<int> Handle(RunQuarterlyReportsCommand request, CancellationToken cancellationToken)
    {
        var (year, quarter) = PreviousQuarter(ChinaTime.Today(clock));
        var tenantIds = await db.Seats.IgnoreQueryFilters().AsNoTracking().Where(s => s.Status == SeatStatus.Serving)
            .Select(s => s.TenantId).Distinct().ToListAsync(cancellationToken);
        return await scopes.ForEachTenantAsync(tenants, tenantIds, async services =>
        {
            var run = await services.GetRequiredService<IMediator>().Send(new GenerateQuarterlyReportsCommand(year, quarter), cancellationToken);
            return run.ReportsCreated + run.LettersCreated;
        }, logger, $"Quarterly reports {year}-Q{quarter}", cancellationToken);
    }

    /// <summary>The last quarter that is over on <paramref name="today"/> (Beijing date).</summary>
    public static (int Year, int Quarter) PreviousQuarter(DateOnly today)
    {
        var current = (today.Month - 1) / 3 + 1;
        return current == 1 ? (today.Year - 1, 4) : (today.Year, current - 1);
    }
}
