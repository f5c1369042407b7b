using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.RecordConsent;

/// <summary>
/// Records that a visible deputy granted or revoked consent to publish one item (phone, e-mail, photo, work unit) on public
/// pages. Appended to the person's consent history with who recorded it and a note (how the consent was given).
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesUpdate)]
public sealed record RecordConsentCommand(Guid DeputyId, ConsentItem Item, bool Granted, string? Note) : ICommand<DeputyDto>;

public sealed record RecordConsentBody(ConsentItem Item, bool Granted, string? Note)
{
    public RecordConsentCommand ToCommand(Guid deputyId) => new(deputyId, Item, Granted, Note);
}

internal sealed class RecordConsentCommandValidator : AbstractValidator<RecordConsentCommand>
{
    public RecordConsentCommandValidator()
    {
        RuleFor(c => c.Item).IsInEnum().WithName(_ => Text.Of("公开事项", "Item"));
        RuleFor(c => c.Note).MaximumLength(PersonRules.ReasonMax).WithName(_ => Text.Of("说明", "Note"));
        RuleFor(c => c.Note).NotEmpty().When(c => c.Granted)
            .WithMessage(_ => Text.Of("记录同意时请注明依据(如书面同意书、电话确认)。", "Say how the consent was given (a signed form, a call)."));
    }
}

internal sealed class RecordConsentCommandHandler(DeputiesDbContext db, ITenantContext scope, ITenantDirectory directory, ICurrentUser currentUser, TimeProvider clock)
    : IRequestHandler<RecordConsentCommand, DeputyDto>
{
    public async Task<DeputyDto> Handle(RecordConsentCommand request, CancellationToken cancellationToken)
    {
        var deputy = await RegistryQueries.FindVisibleAsync(db, request.DeputyId, cancellationToken);
        db.Consents.Add(new ConsentRecord(deputy.Id, request.Item, request.Granted, request.Note, currentUser.UserId,
            currentUser.DisplayName, scope.TenantId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return await RegistryQueries.ProfileAsync(db, directory, deputy.Id, cancellationToken);
    }
}
