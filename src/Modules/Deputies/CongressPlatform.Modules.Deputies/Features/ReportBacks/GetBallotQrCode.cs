using System.Text;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace CongressPlatform.Modules.Deputies.Features.ReportBacks;

/// <summary>The QR code of the ballot's public page, for printing (PNG, or SVG that scales): <c>{BaseUrl}/p/ballots/{token}</c>.</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksRead)]
public sealed record GetBallotQrCodeQuery(Guid Id, QrCodeFormat Format, string BaseUrl) : IQuery<BallotQrCodeDto>;

public sealed record BallotQrCodeDto(byte[] Content, string ContentType, string FileName, string Url);

internal sealed class GetBallotQrCodeQueryHandler(DeputiesDbContext db) : IRequestHandler<GetBallotQrCodeQuery, BallotQrCodeDto>
{
    public async Task<BallotQrCodeDto> Handle(GetBallotQrCodeQuery request, CancellationToken cancellationToken)
    {
        var ballot = await db.ReportBacks.AsNoTracking().Where(r => r.Id == request.Id)
            .Select(r => new { r.BallotToken, r.DeputyName, r.Year }).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("述职安排", "report-back");
        if (ballot.BallotToken is null)
        {
            throw new BusinessRuleException("ballot.none", Text.Of("尚未开启二维码测评。", "No ballot has been opened."));
        }
        var url = request.BaseUrl.TrimEnd('/') + ReportBackViews.PublicPath(ballot.BallotToken);
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(url), QRCodeGenerator.ECCLevel.M);
        var name = $"{ballot.DeputyName}{ballot.Year}年度述职测评二维码";
        return request.Format == QrCodeFormat.Svg
            ? new BallotQrCodeDto(Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(10)), "image/svg+xml", name + ".svg", url)
            : new BallotQrCodeDto(new PngByteQRCode(data).GetGraphic(10), "image/png", name + ".png", url);
    }
}
