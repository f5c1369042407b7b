using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Notices;

/// <summary>Staff reword an item's summary on a draft (the text is scrubbed again, so no phone number can come back).</summary>
[RequiresPermission(StationsPermissions.NoticesManage)]
public sealed record EditStationNoticeItemCommand(Guid NoticeId, Guid ItemId, string Summary) : ICommand<StationNoticeDto>;

public sealed record EditStationNoticeItemBody(string Summary)
{
    public EditStationNoticeItemCommand ToCommand(Guid noticeId, Guid itemId) => new(noticeId, itemId, Summary);
}

internal sealed class EditStationNoticeItemCommandValidator : AbstractValidator<EditStationNoticeItemCommand>
{
    public EditStationNoticeItemCommandValidator() =>
        RuleFor(c => c.Summary).NotEmpty().WithMessage(_ => Text.Of("请填写公示摘要。", "Write the summary."))
            .MaximumLength(StationNoticeItem.SummaryMaxLength)
            .WithMessage(_ => Text.Of($"公示摘要不能超过{StationNoticeItem.SummaryMaxLength}字。",
                $"The summary can have at most {StationNoticeItem.SummaryMaxLength} characters."));
}

/// <summary>Staff leave an item off the notice (with a reason) or put it back, on a draft.</summary>
[RequiresPermission(StationsPermissions.NoticesManage)]
public sealed record SetStationNoticeItemExcludedCommand(Guid NoticeId, Guid ItemId, bool Excluded, string? Reason) : ICommand<StationNoticeDto>;

public sealed record SetStationNoticeItemExcludedBody(bool Excluded, string? Reason)
{
    public SetStationNoticeItemExcludedCommand ToCommand(Guid noticeId, Guid itemId) => new(noticeId, itemId, Excluded, Reason);
}

internal sealed class SetStationNoticeItemExcludedCommandValidator : AbstractValidator<SetStationNoticeItemExcludedCommand>
{
    public SetStationNoticeItemExcludedCommandValidator() =>
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Excluded)
            .WithMessage(_ => Text.Of("不予公示时请填写原因。", "Give the reason for leaving the item out."))
            .MaximumLength(200).WithMessage(_ => Text.Of("原因不能超过200字。", "The reason can have at most 200 characters."));
}

internal sealed class EditStationNoticeItemCommandHandler(StationsDbContext db, TimeProvider clock)
    : IRequestHandler<EditStationNoticeItemCommand, StationNoticeDto>
{
    public Task<StationNoticeDto> Handle(EditStationNoticeItemCommand request, CancellationToken cancellationToken) =>
        NoticeAccess.ChangeItemAsync(db, clock, request.NoticeId, request.ItemId, item => item.EditSummary(request.Summary), cancellationToken);
}

internal sealed class SetStationNoticeItemExcludedCommandHandler(StationsDbContext db, TimeProvider clock)
    : IRequestHandler<SetStationNoticeItemExcludedCommand, StationNoticeDto>
{
    public Task<StationNoticeDto> Handle(SetStationNoticeItemExcludedCommand request, CancellationToken cancellationToken) =>
        NoticeAccess.ChangeItemAsync(db, clock, request.NoticeId, request.ItemId, item =>
        {
            if (request.Excluded)
            {
                item.Exclude(request.Reason!);
            }
            else
            {
                item.Include();
            }
        }, cancellationToken);
}

/// <summary>Publish a reviewed draft on the public station page (公示).</summary>
[RequiresPermission(StationsPermissions.NoticesManage)]
public sealed record PublishStationNoticeCommand(Guid Id) : ICommand<StationNoticeDto>;

/// <summary>Take a published notice off the public page, with a reason; the period stays covered by it.</summary>
[RequiresPermission(StationsPermissions.NoticesManage)]
public sealed record WithdrawStationNoticeCommand(Guid Id, string Reason) : ICommand<StationNoticeDto>;

public sealed record WithdrawStationNoticeBody(string Reason)
{
    public WithdrawStationNoticeCommand ToCommand(Guid id) => new(id, Reason);
}

internal sealed class WithdrawStationNoticeCommandValidator : AbstractValidator<WithdrawStationNoticeCommand>
{
    public WithdrawStationNoticeCommandValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => Text.Of("请填写撤回原因。", "Give the reason for withdrawing."))
            .MaximumLength(200).WithMessage(_ => Text.Of("原因不能超过200字。", "The reason can have at most 200 characters."));
}

internal sealed class PublishStationNoticeCommandHandler(StationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<PublishStationNoticeCommand, StationNoticeDto>
{
    public async Task<StationNoticeDto> Handle(PublishStationNoticeCommand request, CancellationToken cancellationToken)
    {
        var notice = await NoticeAccess.FindAsync(db, request.Id, cancellationToken);
        notice.Publish(user.DisplayName is { Length: > 0 } name ? name : "—", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await NoticeAccess.BuildAsync(db, notice, cancellationToken);
    }
}

internal sealed class WithdrawStationNoticeCommandHandler(StationsDbContext db, TimeProvider clock)
    : IRequestHandler<WithdrawStationNoticeCommand, StationNoticeDto>
{
    public async Task<StationNoticeDto> Handle(WithdrawStationNoticeCommand request, CancellationToken cancellationToken)
    {
        var notice = await NoticeAccess.FindAsync(db, request.Id, cancellationToken);
        notice.Withdraw(request.Reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await NoticeAccess.BuildAsync(db, notice, cancellationToken);
    }
}
