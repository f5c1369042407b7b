using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <summary>Makes the draft weeks of a period public (公布值班表); returns how many were published.</summary>
[RequiresPermission(StationsPermissions.RotaManage)]
public sealed record PublishRotaCommand(Guid StationId, DateOnly From, DateOnly To) : ICommand<int>;

public sealed record PublishRotaBody(DateOnly From, DateOnly To)
{
    public PublishRotaCommand ToCommand(Guid stationId) => new(stationId, From, To);
}

internal sealed class PublishRotaCommandValidator : AbstractValidator<PublishRotaCommand>
{
    public PublishRotaCommandValidator() => RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From).WithMessage(_ => Text.Of("结束日期不能早于开始日期。", "The end date cannot be before the start date."));
}

internal sealed class PublishRotaCommandHandler(StationsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<PublishRotaCommand, int>
{
    public async Task<int> Handle(PublishRotaCommand request, CancellationToken cancellationToken)
    {
        var station = await RotaAccess.StationAsync(db, request.StationId, cancellationToken);
        RotaAccess.EnsureMayManage(station, user);
        var first = RotaPlanner.Monday(request.From);
        var drafts = await db.RotaWeeks
            .Where(w => w.StationId == station.Id && w.WeekStart >= first && w.WeekStart <= request.To && w.Status == RotaWeekStatus.Draft)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        drafts.ForEach(w => w.Publish(now));
        await db.SaveChangesAsync(cancellationToken);
        return drafts.Count;
    }
}
