using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.UpdateDeputy;

/// <summary>
/// Changes a visible deputy's person data. <c>Version</c> is the one last read. The mobile is sent in full (the form asks
/// for it again); a mobile of another registered person is refused. A linked account keeps its own phone (Identity).
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesUpdate)]
public sealed record UpdateDeputyCommand(
    Guid Id, string Name, Gender Gender, string? Ethnicity, int? BirthYear, string Party, string? Education, string? Occupation, string? WorkUnit,
    string Mobile, string? Email, Guid Version) : ICommand<DeputyDto>;

public sealed record UpdateDeputyBody(
    string Name, Gender Gender, string? Ethnicity, int? BirthYear, string Party, string? Education, string? Occupation, string? WorkUnit,
    string Mobile, string? Email, Guid Version)
{
    public UpdateDeputyCommand ToCommand(Guid id) =>
        new(id, Name, Gender, Ethnicity, BirthYear, Party, Education, Occupation, WorkUnit, Mobile, Email, Version);
}

internal sealed class UpdateDeputyCommandValidator : AbstractValidator<UpdateDeputyCommand>
{
    public UpdateDeputyCommandValidator()
    {
        PersonRules.ApplyPerson(this, c => c.Name, c => c.Gender, c => c.Ethnicity, c => c.BirthYear, c => c.Party, c => c.Education,
            c => c.Occupation, c => c.WorkUnit, c => c.Mobile, c => c.Email);
        RuleFor(c => c.Version).NotEmpty();
    }
}

internal sealed class UpdateDeputyCommandHandler(DeputiesDbContext db, ITenantDirectory directory, TimeProvider clock)
    : IRequestHandler<UpdateDeputyCommand, DeputyDto>
{
    public async Task<DeputyDto> Handle(UpdateDeputyCommand request, CancellationToken cancellationToken)
    {
        var deputy = await RegistryQueries.FindVisibleAsync(db, request.Id, cancellationToken);
        db.Entry(deputy).Property(d => d.Version).OriginalValue = request.Version;
        var mobile = request.Mobile.Trim();
        if (mobile != deputy.Mobile && await db.Deputies.AnyAsync(d => d.Mobile == mobile && d.Id != deputy.Id, cancellationToken))
        {
            throw new ConflictException("deputies.mobile_taken", Text.Of(
                "该手机号已登记为另一位代表,请核对手机号。", "This mobile number is registered for another deputy; check it."));
        }
        deputy.Update(new DeputyDetails(request.Name, request.Gender, request.Ethnicity, request.BirthYear, request.Party, request.Education,
            request.Occupation, request.WorkUnit, mobile, request.Email), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await RegistryQueries.ProfileAsync(db, directory, deputy.Id, cancellationToken);
    }
}
