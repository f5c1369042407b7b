using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.BuildingBlocks.Messaging;

/// <summary>Logs every request with its duration; slow ones as warnings.</summary>
internal sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (elapsed > 500)
            {
                logger.LogWarning("Request {Request} took {ElapsedMs:F1} ms", RequestName, elapsed);
            }
            else if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Request {Request} handled in {ElapsedMs:F1} ms", RequestName, elapsed);
            }
            return response;
        }
        catch (AppException ex)
        {
            logger.LogInformation("Request {Request} refused: {Code}", RequestName, ex.Code);
            throw;
        }
    }
}

/// <summary>Checks the permission each request declares. A request that declares none is a programming error.</summary>
internal sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var permission = RequestPermissions.Of(typeof(TRequest));
        if (permission is not null && !currentUser.HasPermission(permission))
        {
            throw new ForbiddenException("permission.denied", Text.Of(
                $"您没有执行此操作的权限({permission})。", $"You do not have the permission '{permission}'."));
        }
        return next();
    }
}

public static class RequestPermissions
{
    private static readonly ConcurrentDictionary<Type, string?> Cache = new();

    /// <summary>The permission a request type declares; null when it declares it needs none.</summary>
    public static string? Of(Type requestType) => Cache.GetOrAdd(requestType, static t =>
    {
        var required = t.GetCustomAttribute<RequiresPermissionAttribute>();
        if (required is not null)
        {
            return required.Permission;
        }
        if (t.GetCustomAttribute<NoPermissionRequiredAttribute>() is not null)
        {
            return null;
        }
        throw new InvalidOperationException(
            $"{t.FullName} declares neither [RequiresPermission] nor [NoPermissionRequired].");
    });
}

/// <summary>Runs the request's FluentValidation validators; field errors become a 400 with each field's messages.</summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        Dictionary<string, List<string>>? errors = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            foreach (var failure in result.Errors)
            {
                errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
                var key = CamelCase(failure.PropertyName);
                if (!errors.TryGetValue(key, out var messages))
                {
                    errors[key] = messages = [];
                }
                messages.Add(failure.ErrorMessage);
            }
        }
        if (errors is not null)
        {
            throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
        return await next();
    }

    private static string CamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

/// <summary>
/// After a command's handler returns, saves every module DbContext the command used — one
/// SaveChanges per context, which also writes the outbox rows the command added.
/// Nested requests do not save early: only the outermost command commits.
/// </summary>
internal sealed class UnitOfWorkBehavior<TRequest, TResponse>(UnitOfWork unitOfWork) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsCommand)
        {
            return await next();
        }
        unitOfWork.Depth++;
        try
        {
            var response = await next();
            if (unitOfWork.Depth == 1)
            {
                await unitOfWork.CommitAsync(cancellationToken);
            }
            return response;
        }
        finally
        {
            unitOfWork.Depth--;
        }
    }
}
