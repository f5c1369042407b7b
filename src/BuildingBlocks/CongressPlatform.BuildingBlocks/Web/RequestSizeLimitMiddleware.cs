using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace CongressPlatform.BuildingBlocks.Web;

/// <summary><c>Limits:*</c> settings.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest request body an API endpoint accepts (bytes). Uploads raise it per endpoint.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>Refuses a declared oversize body at once, and caps undeclared (chunked) bodies on servers that support it.</summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<RequestLimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        // An upload endpoint raises the limit for itself (IRequestSizeLimitMetadata), e.g. to Attachments:MaxBytes.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Type = "/problems/request.too_large",
                    Detail = Text.Of($"请求内容超过了允许的大小({limit / 1024} KB)。", $"The request body is larger than allowed ({limit / 1024} KB)."),
                    Extensions = { ["code"] = "request.too_large" },
                },
            });
            return;
        }
        await next(context);
    }
}
