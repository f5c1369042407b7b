using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Archive;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.Archive;

/// <summary>Staff record an act of duty by hand (a paper sign-in sheet, a leave, an absence) in the active tenant.</summary>
[RequiresPermission(DeputiesPermissions.DutyRecordsCreate)]
public sealed record AddDutyRecordCommand(Guid DeputyId, DutyKind Kind, string Title, DateOnly OccurredOn, DutyAttendance Attendance,
    string? LeaveReason, string? Evidence) : ICommand<DutyRecordDto>;

public sealed record AddDutyRecordBody(DutyKind Kind, string Title, DateOnly OccurredOn, DutyAttendance Attendance, string? LeaveReason, string? Evidence)
{
    public AddDutyRecordCommand ToCommand(Guid deputyId) => new(deputyId, Kind, Title, OccurredOn, Attendance, LeaveReason, Evidence);
}

internal sealed class AddDutyRecordCommandValidator : AbstractValidator<AddDutyRecordCommand>
{
    public AddDutyRecordCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Attendance).IsInEnum();
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.OccurredOn).Must(d => ArchiveRules.PlausibleDate(d, clock))
            .WithMessage(_ => ArchiveRules.DateMessage());
        RuleFor(c => c.LeaveReason).MaximumLength(500);
        RuleFor(c => c.Evidence).MaximumLength(2000);
    }
}

internal sealed class AddDutyRecordCommandHandler(DeputiesDbContext db, DutyArchive archive, ITenantContext scope, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<AddDutyRecordCommand, DutyRecordDto>
{
    public async Task<DutyRecordDto> Handle(AddDutyRecordCommand request, CancellationToken cancellationToken)
    {
        await Timeline.VisibleDeputyAsync(db, request.DeputyId, cancellationToken);
        var record = new DutyRecord(request.DeputyId, request.Kind, request.OccurredOn, request.Title, DutyRecord.ManualSource,
            DutyRecord.NewManualSourceId(), request.Attendance, request.LeaveReason, request.Evidence, clock.GetUtcNow().UtcDateTime, user.UserId);
        ((ITenantOwned)record).AssignTenant(scope.TenantId, scope.TenantPath);
        await archive.AddAsync(record, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return DutyRecordDto.From(record, null);
    }
}

internal static class ArchiveRules
{
    /// <summary>Not in the future (Beijing), not before 2000.</summary>
    public static bool PlausibleDate(DateOnly date, TimeProvider clock) => date.Year >= 2000 && date <= ChinaTime.Today(clock);

    public static string DateMessage() => Text.Of("日期不能晚于今天,也不能早于 2000 年。", "The date cannot be in the future or before 2000.");
}
