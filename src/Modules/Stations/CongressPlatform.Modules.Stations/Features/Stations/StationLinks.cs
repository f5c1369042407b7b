using System.Text;
using QRCoder;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>
/// The public addresses a poster's QR code carries: the station's page <c>{base}/p/stations/{id}</c>, and for a deputy at
/// the station the opinion form <c>{base}/p/opinions/new?station={id}&amp;deputy={deputyId}</c>. The base is
/// <c>Stations:PublicBaseUrl</c> when configured (the address residents reach), else the request's own.
/// </summary>
internal static class StationLinks
{
    public const string BaseUrlKey = "Stations:PublicBaseUrl";

    public static string StationPath(Guid stationId) => $"/p/stations/{stationId}";

    public static string OpinionPath(Guid stationId, Guid? deputyId) =>
        deputyId is { } deputy ? $"/p/opinions/new?station={stationId}&deputy={deputy}" : $"/p/opinions/new?station={stationId}";

    public static string Absolute(string baseUrl, string path) => baseUrl.TrimEnd('/') + path;

    /// <summary>The URL a poster encodes: the station page, or the opinion form naming the deputy.</summary>
    public static string PosterUrl(string baseUrl, Guid stationId, Guid? deputyId) =>
        Absolute(baseUrl, deputyId is null ? StationPath(stationId) : OpinionPath(stationId, deputyId));

    /// <summary>The QR code of <paramref name="url"/> (UTF-8, error correction M: survives a crease or a stain).</summary>
    public static QRCodeData Encode(string url) => QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(url), QRCodeGenerator.ECCLevel.M);

    public static byte[] Png(string url)
    {
        using var data = Encode(url);
        return new PngByteQRCode(data).GetGraphic(12);
    }

    public static string Svg(string url)
    {
        using var data = Encode(url);
        return new SvgQRCode(data).GetGraphic(12);
    }
}
