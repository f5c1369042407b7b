using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.EndSeat;

/// <summary>Ends a serving seat: resigned (辞职), term ended (任期届满) or terminated (终止资格, a reason is required), on a date. <c>Version</c> is the seat's.</summary>
[RequiresPermission(DeputiesPermissions.DeputiesUpdate)]
public sealed record EndSeatCommand(Guid DeputyId, Guid SeatId, SeatStatus Status, DateOnly EndedOn, string? Reason, Guid Version) : ICommand<DeputyDto>;

public sealed record EndSeatBody(SeatStatus Status, DateOnly EndedOn, string? Reason, Guid Version)
{
    public EndSeatCommand ToCommand(Guid deputyId, Guid seatId) => new(deputyId, seatId, Status, EndedOn, Reason, Version);
}

internal sealed class EndSeatCommandValidator : AbstractValidator<EndSeatCommand>
{
    public EndSeatCommandValidator()
    {
        RuleFor(c => c.Status).IsInEnum().NotEqual(SeatStatus.Serving)
            .WithMessage(_ => Text.Of("请选择辞职、任期届满或终止资格。", "Choose resigned, term ended or terminated."));
        RuleFor(c => c.EndedOn).Must(d => d <= ChinaTime.Today(TimeProvider.System))
            .WithMessage(_ => Text.Of("终止日期不能晚于今天。", "The end date cannot be in the future."));
        RuleFor(c => c.Reason).MaximumLength(PersonRules.ReasonMax).WithName(_ => Text.Of("原因", "Reason"));
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Status == SeatStatus.Terminated)
            .WithMessage(_ => Text.Of("终止代表资格须填写原因。", "A termination needs a reason."));
        RuleFor(c => c.Version).NotEmpty();
    }
}

internal sealed class EndSeatCommandHandler(DeputiesDbContext db, ITenantDirectory directory) : IRequestHandler<EndSeatCommand, DeputyDto>
{
    public async Task<DeputyDto> Handle(EndSeatCommand request, CancellationToken cancellationToken)
    {
        var deputy = await RegistryQueries.FindVisibleAsync(db, request.DeputyId, cancellationToken);
        var seat = deputy.Seats.SingleOrDefault(s => s.Id == request.SeatId) ?? throw NotFoundException.For("席位", "seat");
        db.Entry(seat).Property(s => s.Version).OriginalValue = request.Version;
        seat.End(request.Status, request.EndedOn, request.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return await RegistryQueries.ProfileAsync(db, directory, deputy.Id, cancellationToken);
    }
}
