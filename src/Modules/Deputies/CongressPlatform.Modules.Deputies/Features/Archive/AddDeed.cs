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

public enum DeedType
{
    /// <summary>为民办实事</summary>
    ForPeople = 0,

    /// <summary>一对一帮扶</summary>
    OneToOneHelp = 1,
}

/// <summary>Staff record a deed for the people (为民办实事 / 一对一帮扶): who benefited, how many, the amount and the evidence.</summary>
[RequiresPermission(DeputiesPermissions.DutyRecordsCreate)]
public sealed record AddDeedCommand(Guid DeputyId, DeedType Type, string Title, DateOnly OccurredOn, string Beneficiaries, int? BeneficiaryCount,
    decimal? Amount, string? Evidence) : ICommand<DutyRecordDto>;

public sealed record AddDeedBody(DeedType Type, string Title, DateOnly OccurredOn, string Beneficiaries, int? BeneficiaryCount, decimal? Amount, string? Evidence)
{
    public AddDeedCommand ToCommand(Guid deputyId) => new(deputyId, Type, Title, OccurredOn, Beneficiaries, BeneficiaryCount, Amount, Evidence);
}

internal sealed class AddDeedCommandValidator : AbstractValidator<AddDeedCommand>
{
    public AddDeedCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Type).IsInEnum();
        RuleFor(c => c.Title).NotEmpty().MaximumLength(180);
        RuleFor(c => c.Beneficiaries).NotEmpty().MaximumLength(500)
            .WithMessage(_ => Text.Of("请填写受益对象。", "Name who benefited."));
        RuleFor(c => c.BeneficiaryCount).InclusiveBetween(1, 1_000_000).When(c => c.BeneficiaryCount.HasValue);
        RuleFor(c => c.Amount).InclusiveBetween(0m, 100_000_000m).When(c => c.Amount.HasValue);
        RuleFor(c => c.OccurredOn).Must(d => ArchiveRules.PlausibleDate(d, clock)).WithMessage(_ => ArchiveRules.DateMessage());
        RuleFor(c => c.Evidence).MaximumLength(2000);
    }
}

internal sealed class AddDeedCommandHandler(DeputiesDbContext db, DutyArchive archive, ITenantContext scope, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<AddDeedCommand, DutyRecordDto>
{
    public async Task<DutyRecordDto> Handle(AddDeedCommand request, CancellationToken cancellationToken)
    {
        await Timeline.VisibleDeputyAsync(db, request.DeputyId, cancellationToken);
        var prefix = request.Type == DeedType.OneToOneHelp ? "一对一帮扶" : "为民办实事";
        var title = request.Title.Trim().StartsWith(prefix, StringComparison.Ordinal) ? request.Title : $"{prefix}:{request.Title.Trim()}";
        var record = new DutyRecord(request.DeputyId, DutyKind.DeedForPeople, request.OccurredOn, title, DutyRecord.ManualSource,
            DutyRecord.NewManualSourceId(), DutyAttendance.Attended, null, request.Evidence, clock.GetUtcNow().UtcDateTime, user.UserId);
        record.DescribeDeed(request.Beneficiaries, request.BeneficiaryCount, request.Amount);
        ((ITenantOwned)record).AssignTenant(scope.TenantId, scope.TenantPath);
        await archive.AddAsync(record, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return DutyRecordDto.From(record, null);
    }
}
