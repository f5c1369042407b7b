using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.PublicOpinions;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

public sealed record RegisteredOpinionDto(Guid Id, string TrackingCode);

/// <summary>
/// Staff enter an opinion raised at a visit, in the notebook, the box or by phone (登记), with the station, the deputy who
/// received it, community, category and the confidential flag. The resident gets the tracking code from staff.
/// </summary>
[RequiresPermission(StationsPermissions.OpinionsManage)]
public sealed record RegisterOpinionCommand(
    OpinionChannel Channel,
    Guid? StationId,
    Guid? DeputyId,
    string Content,
    string? Category,
    string? Community,
    bool Confidential,
    [property: PersonalData] string? ContactName,
    [property: PersonalData] string? ContactPhone,
    DateOnly? ReceivedOn) : ICommand<RegisteredOpinionDto>;

internal sealed class RegisterOpinionCommandValidator : AbstractValidator<RegisterOpinionCommand>
{
    public RegisterOpinionCommandValidator()
    {
        RuleFor(c => c.Channel).IsInEnum().NotEqual(OpinionChannel.QrCode)
            .WithMessage(_ => Text.Of("扫码留言由群众自己提交,请选择其他来源渠道。", "QR-code opinions come from the public form."));
        RuleFor(c => c.Content).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Category).MaximumLength(50);
        RuleFor(c => c.Community).MaximumLength(100);
        RuleFor(c => c.ContactName).MaximumLength(50);
        RuleFor(c => c.ContactPhone).MaximumLength(30).Matches("^[0-9+\\- ]*$");
    }
}

internal sealed class RegisterOpinionCommandHandler(StationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RegisterOpinionCommand, RegisteredOpinionDto>
{
    public async Task<RegisteredOpinionDto> Handle(RegisterOpinionCommand request, CancellationToken cancellationToken)
    {
        Station? station = null;
        if (request.StationId is { } stationId)
        {
            station = await db.Stations.AsNoTracking().SingleOrDefaultAsync(s => s.Id == stationId, cancellationToken)
                ?? throw NotFoundException.For("联络站", "station");
        }
        var deputyName = await OpinionWorkflow.DeputyNameAsync(db, station?.Id, request.DeputyId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var contact = string.IsNullOrWhiteSpace(request.ContactName) && string.IsNullOrWhiteSpace(request.ContactPhone)
            ? null : new OpinionContact(request.ContactName?.Trim(), request.ContactPhone?.Trim());
        var opinion = new Opinion(TrackingCodes.New(), request.Channel, station?.Id, request.DeputyId, deputyName, request.Content, contact, null,
            now, request.ReceivedOn is { } on && on <= today ? on : today);
        opinion.SetIntakeDetails(request.Category, request.Community ?? station?.Community, request.Confidential);
        db.Opinions.Add(opinion);
        OpinionWorkflow.Record(db, opinion, OpinionHistory.Registered, user, null, now);
        await db.SaveChangesAsync(cancellationToken);
        return new RegisteredOpinionDto(opinion.Id, opinion.TrackingCode);
    }
}
