using CongressPlatform.SharedKernel;
using System.Security.Cryptography;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Features.PublicBallots;
using CongressPlatform.Modules.Deputies.Features.Quarterly;
using CongressPlatform.Modules.Deputies.Features.ReportBacks;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.Modules.Deputies;

/// <summary>Report-backs with their public ballots, quarterly reports and reminder letters (docs/deputies.md).</summary>
internal static class ReportBackEndpoints
{
    /// <summary>The public ballot's rate-limiter policy: per client address and ballot (<c>Deputies:Ballots:RequestsPerMinute</c>).</summary>
    public const string BallotRateLimit = "deputies-ballot";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var rb = endpoints.MapGroup("/api/deputies/report-backs").WithTags("Deputies: report-back");
        rb.MapGet("/", (int? year, Guid? deputyId, IMediator m, CancellationToken ct) => m.Send(new ListReportBacksQuery(year, deputyId), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksRead).WithName("ListReportBacks");
        rb.MapGet("/candidates", (IMediator m, CancellationToken ct) => m.Send(new ListReportBackCandidatesQuery(), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("ListReportBackCandidates");
        rb.MapPost("/", async (PlanReportBackCommand command, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(command, ct);
                return TypedResults.Created($"/api/deputies/report-backs/{created.Id}", created);
            })
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("PlanReportBack");
        rb.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetReportBackQuery(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksRead).WithName("GetReportBack");
        rb.MapPut("/{id:guid}", (Guid id, UpdateReportBackPlanBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("UpdateReportBackPlan");
        rb.MapPost("/{id:guid}/draft", (Guid id, DraftReportBackBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("DraftReportBack");
        rb.MapPut("/{id:guid}/text", (Guid id, EditReportBackTextBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("EditReportBackText");
        rb.MapPost("/{id:guid}/finalise", (Guid id, FinaliseReportBackBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("FinaliseReportBack");
        rb.MapPut("/{id:guid}/tally", (Guid id, EnterTallyBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("EnterReportBackTally");
        rb.MapPost("/{id:guid}/ballot", (Guid id, OpenBallotBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("OpenReportBackBallot");
        rb.MapPost("/{id:guid}/ballot/close", (Guid id, CloseBallotBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("CloseReportBackBallot");
        rb.MapGet("/{id:guid}/ballot/voter-codes", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListVoterCodesQuery(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("ListVoterCodes");
        rb.MapPost("/{id:guid}/ballot/voter-codes", (Guid id, IssueVoterCodesBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("IssueVoterCodes");
        rb.MapGet("/{id:guid}/ballot/qr-code", async (Guid id, QrCodeFormat? format, HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                var qr = await m.Send(new GetBallotQrCodeQuery(id, format ?? QrCodeFormat.Png, $"{request.Scheme}://{request.Host}{request.PathBase}"), ct);
                return TypedResults.File(qr.Content, qr.ContentType, qr.FileName);
            })
            .RequirePermission(DeputiesPermissions.ReportBacksRead).WithName("GetBallotQrCode")
            .Produces(StatusCodes.Status200OK, contentType: "image/png");
        rb.MapPost("/{id:guid}/result", (Guid id, IMediator m, CancellationToken ct) => m.Send(new RecordReportBackResultCommand(id), ct))
            .RequirePermission(DeputiesPermissions.ReportBacksManage).WithName("RecordReportBackResult");

        var own = endpoints.MapGroup("/api/deputies/my-report-backs").WithTags("Deputies: report-back");
        own.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListMyReportBacksQuery(), ct))
            .RequirePermission(DeputiesPermissions.MyReportBacksEdit).WithName("ListMyReportBacks");
        own.MapPut("/{id:guid}/text", (Guid id, EditReportBackTextBody body, IMediator m, CancellationToken ct) =>
                m.Send(new EditMyReportBackTextCommand(id, body.Text, body.Version), ct))
            .RequirePermission(DeputiesPermissions.MyReportBacksEdit).WithName("EditMyReportBackText");

        var ballots = endpoints.MapGroup("/api/deputies/public-ballots").WithTags("Deputies: public ballot")
            .AllowPublic("Voters' representatives rate a report-back without an account: the unguessable token is the key")
            .RequireRateLimiting(BallotRateLimit);
        ballots.MapGet("/{token}", (string token, HttpContext http, IMediator m, CancellationToken ct) =>
                m.Send(new GetPublicBallotQuery(token, BallotDevice.Read(http)), ct))
            .WithName("GetPublicBallot");
        ballots.MapPost("/{token}/votes", async (string token, CastBallotVoteBody body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var device = BallotDevice.ReadOrIssue(http);
                return TypedResults.Ok(await m.Send(new CastBallotVoteCommand(token, body.Choice, body.VoterCode, device), ct));
            })
            .WithName("CastBallotVote");

        var reports = endpoints.MapGroup("/api/deputies/quarterly-reports").WithTags("Deputies: quarterly reports");
        reports.MapGet("/", (int year, int quarter, IMediator m, CancellationToken ct) => m.Send(new ListQuarterlyReportsQuery(year, quarter), ct))
            .RequirePermission(DeputiesPermissions.QuarterlyReportsRead).WithName("ListQuarterlyReports");
        reports.MapPost("/runs", (GenerateQuarterlyReportsCommand command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .RequirePermission(DeputiesPermissions.QuarterlyReportsManage).WithName("GenerateQuarterlyReports");
        reports.MapGet("/{id:guid}/document", async (Guid id, IMediator m, CancellationToken ct) =>
                File(await m.Send(new GetQuarterlyReportDocumentQuery(id), ct)))
            .RequirePermission(DeputiesPermissions.QuarterlyReportsRead).WithName("GetQuarterlyReportDocument").Produces(StatusCodes.Status200OK, contentType: DocxType);

        var letters = endpoints.MapGroup("/api/deputies/reminder-letters").WithTags("Deputies: quarterly reports");
        letters.MapGet("/", (int year, int quarter, IMediator m, CancellationToken ct) => m.Send(new ListReminderLettersQuery(year, quarter), ct))
            .RequirePermission(DeputiesPermissions.QuarterlyReportsRead).WithName("ListReminderLetters");
        letters.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetReminderLetterQuery(id), ct))
            .RequirePermission(DeputiesPermissions.QuarterlyReportsRead).WithName("GetReminderLetter");
        letters.MapPut("/{id:guid}", (Guid id, EditReminderLetterBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.QuarterlyReportsManage).WithName("EditReminderLetter");
        letters.MapPost("/{id:guid}/send", (Guid id, SendReminderLetterBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.QuarterlyReportsManage).WithName("SendReminderLetter");
        letters.MapGet("/{id:guid}/document", async (Guid id, IMediator m, CancellationToken ct) =>
                File(await m.Send(new GetReminderLetterDocumentQuery(id), ct)))
            .RequirePermission(DeputiesPermissions.QuarterlyReportsRead).WithName("GetReminderLetterDocument").Produces(StatusCodes.Status200OK, contentType: DocxType);

        var settings = endpoints.MapGroup("/api/deputies/quarterly-settings").WithTags("Deputies: quarterly reports");
        settings.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new GetQuarterlySettingsQuery(), ct))
            .RequirePermission(DeputiesPermissions.QuarterlyReportsRead).WithName("GetQuarterlySettings");
        settings.MapPut("/", (UpdateQuarterlySettingsCommand command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .RequirePermission(DeputiesPermissions.QuarterlySettingsUpdate).WithName("UpdateQuarterlySettings");

        var mine = endpoints.MapGroup("/api/deputies/my-reports").WithTags("Deputies: quarterly reports");
        mine.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new GetMyReportsQuery(), ct))
            .RequirePermission(DeputiesPermissions.MyReportsRead).WithName("GetMyReports");
        mine.MapGet("/quarterly-reports/{id:guid}/document", async (Guid id, IMediator m, CancellationToken ct) =>
                File(await m.Send(new GetMyDocumentQuery(MyDocumentKind.QuarterlyReport, id), ct)))
            .RequirePermission(DeputiesPermissions.MyReportsRead).WithName("GetMyQuarterlyReportDocument").Produces(StatusCodes.Status200OK, contentType: DocxType);
        mine.MapGet("/reminder-letters/{id:guid}/document", async (Guid id, IMediator m, CancellationToken ct) =>
                File(await m.Send(new GetMyDocumentQuery(MyDocumentKind.ReminderLetter, id), ct)))
            .RequirePermission(DeputiesPermissions.MyReportsRead).WithName("GetMyReminderLetterDocument").Produces(StatusCodes.Status200OK, contentType: DocxType);
    }

    private const string DocxType = Documents.WordDocument.ContentType;

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult File(DocumentFileDto file) => TypedResults.File(file.Content, file.ContentType, file.FileName);
}

/// <summary>
/// The voting device: a random id in a cookie protected by ASP.NET Core data protection (HttpOnly, SameSite=Lax, one year,
/// only sent to the ballot API). A cookie that does not unprotect counts as none (a new device).
/// </summary>
internal static class BallotDevice
{
    public const string CookieName = "cp_ballot_device";
    private const string Purpose = "deputies.ballot-device.v1";

    public static string? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            return Protector(http).Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static string ReadOrIssue(HttpContext http)
    {
        if (Read(http) is { } existing)
        {
            return existing;
        }
        var device = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(CookieName, Protector(http).Protect(device), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/api/deputies/public-ballots",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        return device;
    }

    private static IDataProtector Protector(HttpContext http) =>
        ((IDataProtectionProvider)http.RequestServices.GetService(typeof(IDataProtectionProvider))!).CreateProtector(Purpose);
}
