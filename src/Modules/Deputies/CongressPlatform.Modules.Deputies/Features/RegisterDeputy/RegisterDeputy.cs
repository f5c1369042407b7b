using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.RegisterDeputy;

/// <summary>A new seat: level, term (届), constituency (选区), election day, by-election (补选); organised by the active tenant or, for a supervisor, by <c>TenantId</c> of its subtree.</summary>
public sealed record NewSeatDto(SeatLevel Level, int Term, string Constituency, DateOnly ElectedOn, bool ByElection, Guid? TenantId);

/// <summary>
/// Registers a deputy with a first seat. The mobile is the person's key (一人一档): when a person with this mobile and this
/// name is already registered (by another street or level), the seat is added to that person and their details are kept;
/// the same mobile with another name is refused.
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesCreate)]
public sealed record RegisterDeputyCommand(
    string Name, Gender Gender, string? Ethnicity, int? BirthYear, string Party, string? Education, string? Occupation, string? WorkUnit,
    string Mobile, string? Email, NewSeatDto Seat) : ICommand<DeputyDto>;

internal sealed class RegisterDeputyCommandValidator : AbstractValidator<RegisterDeputyCommand>
{
    public RegisterDeputyCommandValidator()
    {
        PersonRules.ApplyPerson(this, c => c.Name, c => c.Gender, c => c.Ethnicity, c => c.BirthYear, c => c.Party, c => c.Education,
            c => c.Occupation, c => c.WorkUnit, c => c.Mobile, c => c.Email);
        RuleFor(c => c.Seat).NotNull().WithName(_ => Text.Of("席位", "Seat"));
        When(c => c.Seat is not null, () =>
            PersonRules.ApplySeat(this, "seat.", c => c.Seat.Level, c => c.Seat.Term, c => c.Seat.Constituency, c => c.Seat.ElectedOn));
    }
}

internal sealed class RegisterDeputyCommandHandler(DeputiesDbContext db, ITenantContext scope, ITenantDirectory directory, IMediator mediator, TimeProvider clock)
    : IRequestHandler<RegisterDeputyCommand, DeputyDto>
{
    public async Task<DeputyDto> Handle(RegisterDeputyCommand request, CancellationToken cancellationToken)
    {
        var tenant = await RegistryQueries.SeatTenantAsync(scope, directory, request.Seat.TenantId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var mobile = request.Mobile.Trim();
        var details = new DeputyDetails(request.Name, request.Gender, request.Ethnicity, request.BirthYear, request.Party, request.Education,
            request.Occupation, request.WorkUnit, mobile, request.Email);

        // Persons belong to no tenant: the mobile finds the one person whichever tenant registered them first.
        var deputy = await db.Deputies.Include(d => d.Seats).SingleOrDefaultAsync(d => d.Mobile == mobile, cancellationToken);
        if (deputy is null)
        {
            deputy = new Deputy(details, now);
            db.Deputies.Add(deputy);
        }
        else if (deputy.Name != request.Name.Trim())
        {
            throw new ConflictException("deputies.mobile_taken", Text.Of(
                "该手机号已登记为另一位代表(姓名不同),请核对手机号。", "This mobile number is registered for another deputy (a different name); check it."));
        }
        var seat = deputy.AddSeat(new SeatDetails(request.Seat.Level, request.Seat.Term, request.Seat.Constituency, request.Seat.ElectedOn,
            request.Seat.ByElection, tenant.Id, tenant.Path));
        db.Seats.Add(seat);
        if (deputy.UserId is { } userId)
        {
            // A person invited by another tenant: the account gets the deputy role here too (idempotent in Identity).
            await mediator.Send(new ProvisionDeputyAccountCommand(deputy.Name, deputy.Mobile, deputy.Email, [tenant.Id], userId), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return await RegistryQueries.ProfileAsync(db, directory, deputy.Id, cancellationToken);
    }
}
