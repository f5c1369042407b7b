using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.AddSeat;

/// <summary>
/// Adds a seat (another level or term, or a by-election) to a visible deputy, organised by the active tenant or, for a
/// supervisor, by <c>TenantId</c> of its subtree. An invited deputy also gets the deputy role in that tenant.
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesUpdate)]
public sealed record AddSeatCommand(Guid DeputyId, SeatLevel Level, int Term, string Constituency, DateOnly ElectedOn, bool ByElection, Guid? TenantId)
    : ICommand<DeputyDto>;

public sealed record AddSeatBody(SeatLevel Level, int Term, string Constituency, DateOnly ElectedOn, bool ByElection, Guid? TenantId)
{
    public AddSeatCommand ToCommand(Guid deputyId) => new(deputyId, Level, Term, Constituency, ElectedOn, ByElection, TenantId);
}

internal sealed class AddSeatCommandValidator : AbstractValidator<AddSeatCommand>
{
    public AddSeatCommandValidator() =>
        PersonRules.ApplySeat(this, string.Empty, c => c.Level, c => c.Term, c => c.Constituency, c => c.ElectedOn);
}

internal sealed class AddSeatCommandHandler(DeputiesDbContext db, ITenantContext scope, ITenantDirectory directory, IMediator mediator)
    : IRequestHandler<AddSeatCommand, DeputyDto>
{
    public async Task<DeputyDto> Handle(AddSeatCommand request, CancellationToken cancellationToken)
    {
        var deputy = await RegistryQueries.FindVisibleAsync(db, request.DeputyId, cancellationToken);
        var tenant = await RegistryQueries.SeatTenantAsync(scope, directory, request.TenantId, cancellationToken);
        var seat = deputy.AddSeat(new SeatDetails(request.Level, request.Term, request.Constituency, request.ElectedOn, request.ByElection, tenant.Id, tenant.Path));
        db.Seats.Add(seat);
        if (deputy.UserId is { } userId)
        {
            // Invited already: the account gets the deputy role where the new seat is (idempotent in Identity).
            await mediator.Send(new ProvisionDeputyAccountCommand(deputy.Name, deputy.Mobile, deputy.Email, [tenant.Id], userId), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return await RegistryQueries.ProfileAsync(db, directory, deputy.Id, cancellationToken);
    }
}
