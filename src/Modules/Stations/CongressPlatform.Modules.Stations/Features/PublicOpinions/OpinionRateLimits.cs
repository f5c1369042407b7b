using System.Globalization;
using System.Threading.RateLimiting;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Stations.Features.PublicOpinions;

/// <summary>
/// The per-station limit of the public form (<c>RateLimits:OpinionsPerStationPerMinute</c>), on top of the per-address
/// <c>Public</c> policy: many phones at one station (or a script with many addresses) cannot flood its inbox.
/// </summary>
internal sealed class OpinionRateLimits(int perStationPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(station =>
        RateLimitPartition.GetFixedWindowLimiter(station, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perStationPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = Math.Max(1, configuration.GetValue("RateLimits:OpinionsPerStationPerMinute", 30));
        services.AddSingleton(new OpinionRateLimits(perMinute));
    }

    /// <summary>Null when the station still has a permit; otherwise the 429 answer, in Chinese, with Retry-After.</summary>
    public async Task<bool> TryAcquireAsync(Guid stationId, HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(stationId);
        if (lease.IsAcquired)
        {
            return true;
        }
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "/problems/rate_limited",
                Detail = Text.Of("该联络站此刻收到的留言较多,请一分钟后再提交。", "This station is receiving many opinions; please try again in a minute."),
                Extensions = { ["code"] = "opinion.station_rate_limited" },
            },
        });
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
