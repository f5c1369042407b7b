using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Oidc;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Identity.Features.SigningKeys;

/// <summary>The daily check of the scheduler: a first key if none, the next key when the current one is due.</summary>
[RequiresPermission(IdentityPermissions.SigningKeysRotate)]
public sealed record EnsureSigningKeysCommand : ICommand<Unit>;

/// <summary>Rotation on demand (a suspected leak): the next key is published now and signs after the publish-ahead time.</summary>
[RequiresPermission(IdentityPermissions.SigningKeysRotate)]
public sealed record RotateSigningKeyCommand : ICommand<RotatedKeyDto>;

public sealed record RotatedKeyDto(string KeyId);

internal sealed class EnsureSigningKeysCommandHandler(SigningKeyStore keys) : IRequestHandler<EnsureSigningKeysCommand, Unit>
{
    public async Task<Unit> Handle(EnsureSigningKeysCommand request, CancellationToken cancellationToken)
    {
        await keys.EnsureKeysAsync(cancellationToken);
        return Unit.Value;
    }
}

internal sealed class RotateSigningKeyCommandHandler(SigningKeyStore keys) : IRequestHandler<RotateSigningKeyCommand, RotatedKeyDto>
{
    public async Task<RotatedKeyDto> Handle(RotateSigningKeyCommand request, CancellationToken cancellationToken) =>
        new(await keys.RotateNowAsync(cancellationToken));
}
