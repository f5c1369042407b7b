using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Archive;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.Archive;

/// <summary>
/// Corrects a record (更正): a new record names the original and why. <c>Withdraw</c> takes the original back (it was
/// recorded by mistake); otherwise the correction carries the corrected values, each one not given staying as it was.
/// The original stays in the archive, marked corrected, and no longer counts.
/// </summary>
[RequiresPermission(DeputiesPermissions.DutyRecordsCorrect)]
public sealed record CorrectDutyRecordCommand(Guid RecordId, string Reason, bool Withdraw, DutyKind? Kind, string? Title, DateOnly? OccurredOn,
    DutyAttendance? Attendance, string? LeaveReason, string? Evidence, string? Beneficiaries, int? BeneficiaryCount, decimal? Amount)
    : ICommand<DutyRecordDto>;

public sealed record CorrectDutyRecordBody(string Reason, bool Withdraw, DutyKind? Kind, string? Title, DateOnly? OccurredOn,
    DutyAttendance? Attendance, string? LeaveReason, string? Evidence, string? Beneficiaries, int? BeneficiaryCount, decimal? Amount)
{
    public CorrectDutyRecordCommand ToCommand(Guid recordId) =>
        new(recordId, Reason, Withdraw, Kind, Title, OccurredOn, Attendance, LeaveReason, Evidence, Beneficiaries, BeneficiaryCount, Amount);
}

internal sealed class CorrectDutyRecordCommandValidator : AbstractValidator<CorrectDutyRecordCommand>
{
    public CorrectDutyRecordCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => Text.Of("更正须写明原因。", "A correction needs its reason.")).MaximumLength(500).WithMessage(_ => Text.Of("更正须写明原因(不超过 500 字)。", "A correction needs its reason (up to 500 characters)."));
        RuleFor(c => c.Kind).IsInEnum().When(c => c.Kind.HasValue);
        RuleFor(c => c.Attendance).IsInEnum().When(c => c.Attendance.HasValue);
        RuleFor(c => c.Title).MaximumLength(200);
        RuleFor(c => c.OccurredOn).Must(d => ArchiveRules.PlausibleDate(d!.Value, clock)).When(c => c.OccurredOn.HasValue).WithMessage(_ => ArchiveRules.DateMessage());
        RuleFor(c => c.Evidence).MaximumLength(2000);
        RuleFor(c => c.Beneficiaries).MaximumLength(500);
        RuleFor(c => c.BeneficiaryCount).InclusiveBetween(1, 1_000_000).When(c => c.BeneficiaryCount.HasValue);
        RuleFor(c => c.Amount).InclusiveBetween(0m, 100_000_000m).When(c => c.Amount.HasValue);
    }
}

internal sealed class CorrectDutyRecordCommandHandler(DeputiesDbContext db, DutyArchive archive, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CorrectDutyRecordCommand, DutyRecordDto>
{
    public async Task<DutyRecordDto> Handle(CorrectDutyRecordCommand request, CancellationToken cancellationToken)
    {
        var original = await db.DutyRecords.SingleOrDefaultAsync(r => r.Id == request.RecordId, cancellationToken)
            ?? throw NotFoundException.For("履职记录", "duty record");
        var attendance = request.Attendance ?? original.Attendance;
        var correction = new DutyRecord(original.DeputyId, request.Kind ?? original.Kind, request.OccurredOn ?? original.OccurredOn,
            string.IsNullOrWhiteSpace(request.Title) ? original.Title : request.Title, DutyRecord.ManualSource, DutyRecord.NewManualSourceId(),
            attendance, attendance == DutyAttendance.Leave ? request.LeaveReason ?? original.LeaveReason : null,
            request.Evidence ?? original.Evidence, clock.GetUtcNow().UtcDateTime, user.UserId);
        correction.DescribeDeed(request.Beneficiaries ?? original.Beneficiaries, request.BeneficiaryCount ?? original.BeneficiaryCount,
            request.Amount ?? original.Amount);
        await archive.CorrectAsync(original, correction, request.Reason, request.Withdraw, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return DutyRecordDto.From(correction, null);
    }
}
