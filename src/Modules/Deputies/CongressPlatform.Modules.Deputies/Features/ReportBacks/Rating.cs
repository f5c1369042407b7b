using System.Globalization;
using System.Security.Cryptography;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ReportBacks;

/// <summary>Enters the counts of a paper tally (满意 / 基本满意 / 不满意). Replaces earlier counts until the result is recorded.</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record EnterTallyCommand(Guid Id, int Satisfied, int BasicallySatisfied, int Dissatisfied, Guid Version) : ICommand<ReportBackDto>;

public sealed record EnterTallyBody(int Satisfied, int BasicallySatisfied, int Dissatisfied, Guid Version)
{
    public EnterTallyCommand ToCommand(Guid id) => new(id, Satisfied, BasicallySatisfied, Dissatisfied, Version);
}

internal sealed class EnterTallyCommandValidator : AbstractValidator<EnterTallyCommand>
{
    public EnterTallyCommandValidator()
    {
        RuleFor(c => c.Version).NotEmpty();
        RuleFor(c => c.Satisfied).InclusiveBetween(0, 100000);
        RuleFor(c => c.BasicallySatisfied).InclusiveBetween(0, 100000);
        RuleFor(c => c.Dissatisfied).InclusiveBetween(0, 100000);
    }
}

internal sealed class EnterTallyCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<EnterTallyCommand, ReportBackDto>
{
    public async Task<ReportBackDto> Handle(EnterTallyCommand request, CancellationToken cancellationToken)
    {
        var reportBack = await ReportBackLoader.LoadAsync(db, request.Id, request.Version, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        reportBack.EnterTally(request.Satisfied, request.BasicallySatisfied, request.Dissatisfied, now);
        await db.SaveChangesAsync(cancellationToken);
        return await ReportBackLoader.ViewAsync(db, reportBack, now, cancellationToken);
    }
}

/// <summary>
/// Opens (or reschedules) the public QR ballot: from <c>OpensAtUtc</c> to <c>ClosesAtUtc</c>; with
/// <c>RequiresVoterCode</c> every vote needs one of the one-time codes staff issue (the choice is fixed once voting began).
/// </summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record OpenBallotCommand(Guid Id, DateTime OpensAtUtc, DateTime ClosesAtUtc, bool RequiresVoterCode, Guid Version) : ICommand<ReportBackDto>;

public sealed record OpenBallotBody(DateTime OpensAtUtc, DateTime ClosesAtUtc, bool RequiresVoterCode, Guid Version)
{
    public OpenBallotCommand ToCommand(Guid id) => new(id, OpensAtUtc, ClosesAtUtc, RequiresVoterCode, Version);
}

internal sealed class OpenBallotCommandValidator : AbstractValidator<OpenBallotCommand>
{
    public OpenBallotCommandValidator()
    {
        RuleFor(c => c.Version).NotEmpty();
        RuleFor(c => c.ClosesAtUtc).GreaterThan(c => c.OpensAtUtc)
            .WithMessage(_ => Text.Of("测评截止时间必须晚于开始时间。", "The ballot must close after it opens."));
        RuleFor(c => c).Must(c => c.ClosesAtUtc - c.OpensAtUtc <= TimeSpan.FromDays(31)).WithName("closesAtUtc")
            .WithMessage(_ => Text.Of("测评时间最长 31 天。", "A ballot stays open at most 31 days."));
    }
}

internal sealed class OpenBallotCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<OpenBallotCommand, ReportBackDto>
{
    public async Task<ReportBackDto> Handle(OpenBallotCommand request, CancellationToken cancellationToken)
    {
        var reportBack = await ReportBackLoader.LoadAsync(db, request.Id, request.Version, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        reportBack.OpenBallot(token, DateTime.SpecifyKind(request.OpensAtUtc.ToUniversalTime(), DateTimeKind.Utc),
            DateTime.SpecifyKind(request.ClosesAtUtc.ToUniversalTime(), DateTimeKind.Utc), request.RequiresVoterCode, now);
        await db.SaveChangesAsync(cancellationToken);
        return await ReportBackLoader.ViewAsync(db, reportBack, now, cancellationToken);
    }
}

/// <summary>Ends the ballot now.</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record CloseBallotCommand(Guid Id, Guid Version) : ICommand<ReportBackDto>;

public sealed record CloseBallotBody(Guid Version)
{
    public CloseBallotCommand ToCommand(Guid id) => new(id, Version);
}

internal sealed class CloseBallotCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<CloseBallotCommand, ReportBackDto>
{
    public async Task<ReportBackDto> Handle(CloseBallotCommand request, CancellationToken cancellationToken)
    {
        var reportBack = await ReportBackLoader.LoadAsync(db, request.Id, request.Version, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        reportBack.CloseBallot(now);
        await db.SaveChangesAsync(cancellationToken);
        return await ReportBackLoader.ViewAsync(db, reportBack, now, cancellationToken);
    }
}

public sealed record VoterCodeDto(string Code, DateTime IssuedAtUtc, bool Used);

/// <summary>Issues <c>Count</c> new one-time voter codes for the report-back's ballot (8 characters, no look-alike letters).</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record IssueVoterCodesCommand(Guid Id, int Count) : ICommand<IReadOnlyList<VoterCodeDto>>;

public sealed record IssueVoterCodesBody(int Count)
{
    public IssueVoterCodesCommand ToCommand(Guid id) => new(id, Count);
}

internal sealed class IssueVoterCodesCommandValidator : AbstractValidator<IssueVoterCodesCommand>
{
    public IssueVoterCodesCommandValidator() => RuleFor(c => c.Count).InclusiveBetween(1, 500);
}

internal sealed class IssueVoterCodesCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<IssueVoterCodesCommand, IReadOnlyList<VoterCodeDto>>
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public async Task<IReadOnlyList<VoterCodeDto>> Handle(IssueVoterCodesCommand request, CancellationToken cancellationToken)
    {
        var reportBack = await ReportBackLoader.LoadAsync(db, request.Id, null, cancellationToken);
        if (reportBack.Status == ReportBackStatus.Rated)
        {
            throw new BusinessRuleException("report_back.rated", Text.Of("测评结果已记入履职档案,不能再发放测评码。", "The result is recorded; no more codes."));
        }
        if (await db.VoterCodes.CountAsync(c => c.ReportBackId == reportBack.Id, cancellationToken) + request.Count > 2000)
        {
            throw new BusinessRuleException("ballot.too_many_codes", Text.Of("每次述职最多发放 2000 个测评码。", "At most 2,000 codes per report-back."));
        }
        var existing = (await db.VoterCodes.Where(c => c.ReportBackId == reportBack.Id).Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var issued = new List<VoterCode>();
        while (issued.Count < request.Count)
        {
            var code = string.Create(8, 0, (span, _) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
                }
            });
            if (existing.Add(code))
            {
                var row = new VoterCode(reportBack.Id, code, now);
                ((ITenantOwned)row).AssignTenant(reportBack.TenantId, reportBack.TenantPath);
                issued.Add(row);
            }
        }
        db.VoterCodes.AddRange(issued);
        return issued.Select(c => new VoterCodeDto(c.Code, c.IssuedAtUtc, false)).ToList();
    }
}

/// <summary>Every voter code of the report-back, whether used (not by whom: a vote cannot be traced to its code's holder here).</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record ListVoterCodesQuery(Guid Id) : IQuery<IReadOnlyList<VoterCodeDto>>;

internal sealed class ListVoterCodesQueryHandler(DeputiesDbContext db) : IRequestHandler<ListVoterCodesQuery, IReadOnlyList<VoterCodeDto>>
{
    public async Task<IReadOnlyList<VoterCodeDto>> Handle(ListVoterCodesQuery request, CancellationToken cancellationToken)
    {
        if (!await db.ReportBacks.AnyAsync(r => r.Id == request.Id, cancellationToken))
        {
            throw NotFoundException.For("述职安排", "report-back");
        }
        return await db.VoterCodes.AsNoTracking().Where(c => c.ReportBackId == request.Id).OrderBy(c => c.IssuedAtUtc).ThenBy(c => c.Code)
            .Select(c => new VoterCodeDto(c.Code, c.IssuedAtUtc, c.UsedAtUtc != null)).ToListAsync(cancellationToken);
    }
}

/// <summary>
/// Records the result in the deputy's archive (a 向选民述职 duty record, source <c>deputies</c>, id <c>report-back:{id}</c>):
/// once — a second call returns the report-back as it is. A QR ballot must be closed first.
/// </summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record RecordReportBackResultCommand(Guid Id) : ICommand<ReportBackDto>;

internal sealed class RecordReportBackResultCommandHandler(DeputiesDbContext db, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<RecordReportBackResultCommand, ReportBackDto>
{
    public async Task<ReportBackDto> Handle(RecordReportBackResultCommand request, CancellationToken cancellationToken)
    {
        var reportBack = await ReportBackLoader.LoadAsync(db, request.Id, null, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (reportBack.Status == ReportBackStatus.Rated)
        {
            return await ReportBackLoader.ViewAsync(db, reportBack, now, cancellationToken);
        }
        if (reportBack.RatingSource == RatingSource.QrBallot)
        {
            var counts = await ReportBackLoader.CountsAsync(db, reportBack.Id, cancellationToken);
            reportBack.TakeBallotCounts(counts.Satisfied, counts.BasicallySatisfied, counts.Dissatisfied);
        }
        var sourceId = $"report-back:{reportBack.Id:N}";
        var record = await db.DutyRecords.IgnoreQueryFilters()
            .SingleOrDefaultAsync(r => r.SourceModule == DutyRecord.ManualSource && r.SourceId == sourceId && r.DeputyId == reportBack.DeputyId, cancellationToken);
        var result = reportBack.Result;
        if (record is null)
        {
            var how = reportBack.RatingSource == RatingSource.QrBallot ? "二维码测评" : "纸质测评";
            var title = result.QuorumMet
                ? $"{reportBack.Year}年度向{(reportBack.ReportsToCommittee ? "区人大常委会" : "选民")}述职(满意率 {result.Rate.ToString("0.#", CultureInfo.InvariantCulture)}%,{BallotRules.Zh(result.Verdict)})"
                : $"{reportBack.Year}年度向{(reportBack.ReportsToCommittee ? "区人大常委会" : "选民")}述职(未达到法定测评人数)";
            var evidence = $"{how}:满意 {result.Satisfied} 票,基本满意 {result.BasicallySatisfied} 票,不满意 {result.Dissatisfied} 票,共 {result.Total} 票"
                + $"(法定人数 {reportBack.MinBallots});{(result.Passed ? "测评通过" : "测评未通过")}。地点:{reportBack.Place}。";
            record = new DutyRecord(reportBack.DeputyId, DutyKind.ReportBackGiven, reportBack.PlannedOn, title, DutyRecord.ManualSource, sourceId,
                DutyAttendance.Attended, null, evidence, now, user.UserId);
            ((ITenantOwned)record).AssignTenant(reportBack.TenantId, reportBack.TenantPath);
            db.DutyRecords.Add(record);
        }
        reportBack.MarkRated(record.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        return await ReportBackLoader.ViewAsync(db, reportBack, now, cancellationToken);
    }
}
