using System.Collections.Concurrent;
using System.Text;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Audit;

/// <summary>
/// Records one audit entry per command sent through the pipeline (ADR 0019): after the unit of work has committed
/// (or refused, or failed), with the changes its saves made. Sits outside authorization and validation, so a refused
/// command is recorded with its error code. Nested commands are part of the outermost one's entry. A job's run that
/// succeeded and changed nothing (the deliveries every 30 seconds with nothing due) is not recorded: it is no act of
/// anyone's, and thousands of such entries a day would bury the acts the auditor looks for. What a user sends always is.
/// </summary>
internal sealed class AuditBehavior<TRequest, TResponse>(IServiceProvider services) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        // Hosts without the audit log (the pipeline benchmark) run commands unrecorded.
        if (!IsCommand || services.GetService<AuditLog>() is not { } log)
        {
            return await next();
        }
        var collector = services.GetRequiredService<AuditCollector>();
        if (collector.Depth++ > 0)
        {
            try
            {
                return await next();
            }
            finally
            {
                collector.Depth--;
            }
        }
        collector.Reset();
        try
        {
            var response = await next();
            var idleJobRun = services.GetRequiredService<ICurrentUser>().IsSystem && collector.Saved.Count == 0 && collector.Note is null;
            if (!idleJobRun)
            {
                await log.RecordCommandAsync(ActionKeys.Of(typeof(TRequest)), AuditOutcomes.Succeeded, null, null);
            }
            return response;
        }
        catch (AppException exception)
        {
            await log.RecordCommandAsync(ActionKeys.Of(typeof(TRequest)), AuditOutcomes.Refused, exception.Code, null);
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the row first: answered as a 409 "concurrency", nothing was changed.
            await log.RecordCommandAsync(ActionKeys.Of(typeof(TRequest)), AuditOutcomes.Refused, "concurrency", null);
            throw;
        }
        catch (DbUpdateException)
        {
            // A unique index refused the row: a 409 "conflict", nothing was changed.
            await log.RecordCommandAsync(ActionKeys.Of(typeof(TRequest)), AuditOutcomes.Refused, "conflict", null);
            throw;
        }
        catch (Exception exception) when (exception is not AuditWriteException)
        {
            await log.RecordCommandAsync(ActionKeys.Of(typeof(TRequest)), AuditOutcomes.Failed, exception.GetType().Name, null);
            throw;
        }
        finally
        {
            collector.Depth--;
        }
    }
}

/// <summary>Marks a failure of the audit log itself, so the behaviour does not try to record it again.</summary>
internal sealed class AuditWriteException(Exception inner) : Exception("The audit entry could not be written.", inner);

/// <summary>The stable action key of a request type: its module and its name without the <c>Command</c> suffix, in kebab-case.</summary>
public static class ActionKeys
{
    private static readonly ConcurrentDictionary<Type, string> Cache = new();

    /// <summary><c>CongressPlatform.Modules.Identity…UpdateHandlingUnitCommand</c> → <c>identity.update-handling-unit</c>; platform services → <c>platform.…</c>.</summary>
    public static string Of(Type requestType) => Cache.GetOrAdd(requestType, static t =>
    {
        var segments = (t.Namespace ?? string.Empty).Split('.');
        var modules = Array.IndexOf(segments, "Modules");
        var area = modules >= 0 && modules + 1 < segments.Length ? segments[modules + 1].ToLowerInvariant() : "platform";
        var name = t.Name.EndsWith("Command", StringComparison.Ordinal) ? t.Name[..^"Command".Length] : t.Name;
        return For(area, name);
    });

    /// <summary>The key of a use case named in PascalCase in an area: (<c>identity</c>, <c>CreateHandlingUnit</c>) → <c>identity.create-handling-unit</c>.</summary>
    public static string For(string area, string name) => $"{area.ToLowerInvariant()}.{Kebab(name)}";

    private static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
