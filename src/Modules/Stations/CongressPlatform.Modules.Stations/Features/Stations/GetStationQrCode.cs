using System.Text;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>
/// The QR code of an open station's public page, or — with <c>DeputyId</c>, a deputy currently at the station — of the
/// opinion form naming that deputy; PNG for print shops, SVG that scales.
/// </summary>
[RequiresPermission(StationsPermissions.StationsRead)]
public sealed record GetStationQrCodeQuery(Guid StationId, Guid? DeputyId, QrCodeFormat Format, string BaseUrl) : IQuery<StationQrCodeDto>;

public sealed record StationQrCodeDto(byte[] Content, string ContentType, string FileName, string Url);

internal sealed class GetStationQrCodeQueryHandler(StationsDbContext db) : IRequestHandler<GetStationQrCodeQuery, StationQrCodeDto>
{
    public async Task<StationQrCodeDto> Handle(GetStationQrCodeQuery request, CancellationToken cancellationToken)
    {
        var station = await db.Stations.AsNoTracking().Where(s => s.Id == request.StationId)
            .Select(s => new { s.Id, s.Name, s.IsActive }).SingleOrDefaultAsync(cancellationToken) ?? throw StationLookup.NotFound();
        if (!station.IsActive)
        {
            throw new BusinessRuleException("stations.inactive", Text.Of("该站点已停用,不再生成二维码。", "The station is closed; no QR code is made."));
        }
        var name = station.Name;
        if (request.DeputyId is { } deputyId)
        {
            var deputyName = await db.StationDeputies.AsNoTracking()
                .Where(a => a.StationId == station.Id && a.DeputyId == deputyId && a.EndedOn == null)
                .Select(a => a.DeputyName).FirstOrDefaultAsync(cancellationToken)
                ?? throw NotFoundException.For("本站代表", "deputy at this station");
            name = $"{station.Name}-{deputyName}";
        }
        var url = StationLinks.PosterUrl(request.BaseUrl, station.Id, request.DeputyId);
        return request.Format == QrCodeFormat.Svg
            ? new StationQrCodeDto(Encoding.UTF8.GetBytes(StationLinks.Svg(url)), "image/svg+xml", $"{name}二维码.svg", url)
            : new StationQrCodeDto(StationLinks.Png(url), "image/png", $"{name}二维码.png", url);
    }
}
