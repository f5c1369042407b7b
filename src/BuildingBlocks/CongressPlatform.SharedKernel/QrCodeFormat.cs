namespace CongressPlatform.SharedKernel;

/// <summary>The image formats of the printable QR codes (a ballot's, a station's, a deputy's at a station).</summary>
public enum QrCodeFormat
{
    Png = 0,
    Svg = 1,
}
