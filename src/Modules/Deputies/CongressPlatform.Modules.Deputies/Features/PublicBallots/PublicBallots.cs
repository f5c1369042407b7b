using System.Security.Cryptography;
using System.Text;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.PublicBallots;

/// <summary>
/// What a voter sees on the public ballot page: whose report-back, the year, the place and date, the window and its state,
/// whether a voter code is needed and whether this device already voted. No counts, no personal data beyond the deputy's
/// name (the deputy reports in public).
/// </summary>
public sealed record PublicBallotDto(string DeputyName, int Year, DateOnly PlannedOn, string Place, bool ReportsToCommittee,
    DateTime OpensAtUtc, DateTime ClosesAtUtc, BallotState State, bool RequiresVoterCode, bool AlreadyVoted);

[NoPermissionRequired("The public ballot page: voters' representatives vote without an account")]
public sealed record GetPublicBallotQuery(string Token, string? DeviceId) : IQuery<PublicBallotDto>;

internal sealed class GetPublicBallotQueryHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<GetPublicBallotQuery, PublicBallotDto>
{
    public async Task<PublicBallotDto> Handle(GetPublicBallotQuery request, CancellationToken cancellationToken)
    {
        var ballot = await PublicBallotLookup.FindAsync(db, request.Token, cancellationToken);
        var voted = request.DeviceId is { } device && await db.BallotVotes.IgnoreQueryFilters().AsNoTracking()
            .AnyAsync(v => v.ReportBackId == ballot.Id && v.DeviceHash == PublicBallotLookup.DeviceHash(device, ballot.Id), cancellationToken);
        return new PublicBallotDto(ballot.DeputyName, ballot.Year, ballot.PlannedOn, ballot.Place, ballot.ReportsToCommittee,
            ballot.BallotOpensAtUtc!.Value, ballot.BallotClosesAtUtc!.Value, ballot.BallotStateAt(clock.GetUtcNow().UtcDateTime),
            ballot.BallotRequiresCode, voted);
    }
}

public sealed record CastBallotVoteBody(BallotChoice Choice, [property: SecretData] string? VoterCode);

public sealed record CastBallotVoteDto(string Message);

/// <summary>
/// A voter's vote: refused outside the open window, a second time from the same device (signed cookie), and — when the
/// ballot requires codes — without a valid unused voter code. A code given on a ballot that does not require codes is
/// still checked and used up, so a code can never vote twice.
/// </summary>
[NoPermissionRequired("The public ballot: voters' representatives vote without an account; one vote per device and per voter code")]
public sealed record CastBallotVoteCommand(string Token, BallotChoice Choice, [property: SecretData] string? VoterCode, [property: SecretData] string DeviceId)
    : ICommand<CastBallotVoteDto>;

internal sealed class CastBallotVoteCommandValidator : AbstractValidator<CastBallotVoteCommand>
{
    public CastBallotVoteCommandValidator()
    {
        RuleFor(c => c.Choice).IsInEnum();
        RuleFor(c => c.VoterCode).MaximumLength(16);
        RuleFor(c => c.DeviceId).NotEmpty().MaximumLength(100);
    }
}

internal sealed class CastBallotVoteCommandHandler(DeputiesDbContext db, ITenantContext tenant, ITenantDirectory tenants, TimeProvider clock)
    : IRequestHandler<CastBallotVoteCommand, CastBallotVoteDto>
{
    public async Task<CastBallotVoteDto> Handle(CastBallotVoteCommand request, CancellationToken cancellationToken)
    {
        var ballot = await PublicBallotLookup.FindAsync(db, request.Token, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (ballot.BallotStateAt(now))
        {
            case BallotState.NotOpen:
                throw new BusinessRuleException("ballot.not_open", Text.Of(
                    $"测评尚未开始,开始时间为 {ChinaTimeText(ballot.BallotOpensAtUtc!.Value)}。", "Voting has not started yet."));
            case BallotState.Closed:
                throw new BusinessRuleException("ballot.closed", Text.Of("本次测评已结束,感谢您的关注。", "This ballot is closed."));
        }
        if (ballot.Status == ReportBackStatus.Rated)
        {
            throw new BusinessRuleException("ballot.closed", Text.Of("本次测评已结束,感谢您的关注。", "This ballot is closed."));
        }
        var deviceHash = PublicBallotLookup.DeviceHash(request.DeviceId, ballot.Id);
        if (await db.BallotVotes.IgnoreQueryFilters().AnyAsync(v => v.ReportBackId == ballot.Id && v.DeviceHash == deviceHash, cancellationToken))
        {
            throw AlreadyVoted();
        }
        VoterCode? code = null;
        var given = request.VoterCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(given))
        {
            if (ballot.BallotRequiresCode)
            {
                throw new BusinessRuleException("ballot.code_required", Text.Of("本次测评需要输入测评码,请向工作人员领取。", "This ballot needs a voter code."));
            }
        }
        else
        {
            code = await db.VoterCodes.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.ReportBackId == ballot.Id && c.Code == given, cancellationToken)
                ?? throw new BusinessRuleException("ballot.code_invalid", Text.Of("测评码不正确,请核对后重新输入。", "The voter code is not valid."));
            if (code.UsedAtUtc is not null)
            {
                throw new ConflictException("ballot.code_used", Text.Of("该测评码已经使用过,每个测评码只能投票一次。", "This voter code has been used."));
            }
        }

        // The write belongs to the ballot's tenant: enter it, as a request of its staff would.
        var info = await tenants.FindAsync(ballot.TenantId, cancellationToken)
            ?? throw NotFoundException.For("测评", "ballot");
        ((TenantContext)tenant).SetTenant(info, supervisesSubtree: false);
        code?.Use(now);
        var vote = new BallotVote(ballot.Id, deviceHash, code?.Id, request.Choice, now);
        ((ITenantOwned)vote).AssignTenant(ballot.TenantId, ballot.TenantPath);
        db.BallotVotes.Add(vote);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique indexes (device, code) decide between two votes sent at the same moment.
            throw AlreadyVoted();
        }
        return new CastBallotVoteDto(Text.Of("投票成功,感谢您参与代表述职测评!", "Thank you, your vote has been counted."));
    }

    private static ConflictException AlreadyVoted() =>
        new("ballot.already_voted", Text.Of("您已经投过票了,每台设备只能投票一次。", "This device has already voted."));

    private static string ChinaTimeText(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, ChinaTime.Zone).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

internal static class PublicBallotLookup
{
    /// <summary>The ballot of a token in any tenant (the token is the secret); 404 for an unknown token.</summary>
    public static async Task<ReportBack> FindAsync(DeputiesDbContext db, string token, CancellationToken cancellationToken)
    {
        var ballot = token.Length is > 0 and <= 64
            ? await db.ReportBacks.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.BallotToken == token, cancellationToken)
            : null;
        return ballot ?? throw new NotFoundException("ballot.not_found", Text.Of("测评不存在,请核对二维码或链接。", "There is no such ballot."));
    }

    public static string DeviceHash(string deviceId, Guid reportBackId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{deviceId}:{reportBackId:N}")));
}
