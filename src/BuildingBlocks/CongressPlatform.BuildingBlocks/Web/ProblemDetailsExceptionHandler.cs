using System.Text.Json;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.BuildingBlocks.Web;

/// <summary>The one place where exceptions become RFC 9457 problem details, in the request's language.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails Describe(Exception exception)
    {
        var problem = DescribeCore(exception);
        if (exception is AppException { Details: { } details })
        {
            foreach (var (name, value) in details)
            {
                problem.Extensions.TryAdd(name, value);
            }
        }
        return problem;
    }

    private static ProblemDetails DescribeCore(Exception exception)
    {
        switch (exception)
        {
            case RequestValidationException validation:
                var details = new HttpValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
                {
                    Status = StatusCodes.Status400BadRequest,
                    Detail = validation.Message,
                };
                return WithCode(details, validation.Code);
            case NotFoundException e:
                return Make(StatusCodes.Status404NotFound, e.Code, e.Message);
            case ForbiddenException e:
                return Make(StatusCodes.Status403Forbidden, e.Code, e.Message);
            case ConflictException e:
                return Make(StatusCodes.Status409Conflict, e.Code, e.Message);
            case BusinessRuleException e:
                return Make(StatusCodes.Status422UnprocessableEntity, e.Code, e.Message);
            case PayloadTooLargeException e:
                return Make(StatusCodes.Status413PayloadTooLarge, e.Code, e.Message);
            case UnsupportedContentException e:
                return Make(StatusCodes.Status415UnsupportedMediaType, e.Code, e.Message);
            case DbUpdateConcurrencyException:
                return Make(StatusCodes.Status409Conflict, "concurrency", Text.Of(
                    "数据已被他人修改,请刷新后重试。", "The data was changed by someone else; reload and try again."));
            case DbUpdateException:
                // A unique index or key refused the row (two requests racing past the handler's own check).
                return Make(StatusCodes.Status409Conflict, "conflict", Text.Of(
                    "保存失败:与已有数据冲突(可能是重复记录),请刷新后重试。",
                    "Not saved: the data conflicts with existing records (possibly a duplicate). Reload and try again."));
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return Make(StatusCodes.Status413PayloadTooLarge, "request.too_large", Text.Of(
                    "请求内容超过了允许的大小。", "The request body is larger than allowed."));
            case BadHttpRequestException bad when FindJsonException(bad) is { } json:
                return DescribeJson(json);
            case BadHttpRequestException bad:
                return Make(bad.StatusCode, "request.invalid", Text.Of(
                    "请求格式不正确,请检查参数。", "The request is malformed; check its parameters."));
            case JsonException json:
                return DescribeJson(json);
            default:
                return Make(StatusCodes.Status500InternalServerError, "server.error", Text.Of(
                    "服务器内部错误,请稍后重试;如问题持续,请联系管理员并提供请求编号。",
                    "An internal error occurred. Try again later; if it persists, contact the administrator with the request id."));
        }
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }
        return null;
    }

    private static ProblemDetails DescribeJson(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return Make(StatusCodes.Status400BadRequest, "request.unknown_field", Text.Of(
                $"请求中包含无法识别的字段:{path}。", $"The request contains an unknown field: {path}."));
        }
        return Make(StatusCodes.Status400BadRequest, "request.malformed_json", Text.Of(
            $"请求内容不是有效的 JSON(位置:{path})。", $"The request body is not valid JSON (at {path})."));
    }

    private static ProblemDetails Make(int status, string code, string detail) =>
        WithCode(new ProblemDetails { Status = status, Detail = detail }, code);

    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Type = $"/problems/{code}";
        problem.Extensions["code"] = code;
        return problem;
    }
}

/// <summary>Titles for every status, in the request's language; adds the request id to each problem.</summary>
internal static class ProblemTitles
{
    public static void Customize(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Title = TitleFor(status);
        context.ProblemDetails.Detail ??= status switch
        {
            StatusCodes.Status401Unauthorized => Text.Of("请先登录。", "Sign in first."),
            StatusCodes.Status403Forbidden => Text.Of("您没有执行此操作的权限。", "You may not do this."),
            StatusCodes.Status404NotFound => Text.Of("请求的地址不存在。", "There is nothing at this address."),
            StatusCodes.Status405MethodNotAllowed => Text.Of("该地址不支持此请求方法。", "This method is not allowed here."),
            _ => null,
        };
        context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
        if (context.ProblemDetails.Type is null or "about:blank" && status is 401 or 403 or 404 or 405)
        {
            context.ProblemDetails.Type = $"/problems/http-{status}";
        }
    }

    public static string TitleFor(int status) => status switch
    {
        400 => Text.Of("请求有误", "Bad request"),
        401 => Text.Of("未登录", "Unauthorized"),
        403 => Text.Of("无权访问", "Forbidden"),
        404 => Text.Of("未找到", "Not found"),
        405 => Text.Of("不支持的请求方法", "Method not allowed"),
        409 => Text.Of("数据冲突", "Conflict"),
        413 => Text.Of("请求内容过大", "Payload too large"),
        415 => Text.Of("不支持的内容类型", "Unsupported media type"),
        422 => Text.Of("业务规则不允许", "Unprocessable request"),
        429 => Text.Of("请求过于频繁", "Too many requests"),
        503 => Text.Of("服务暂不可用", "Service unavailable"),
        >= 500 => Text.Of("服务器错误", "Server error"),
        _ => Text.Of("请求失败", "Request failed"),
    };
}
