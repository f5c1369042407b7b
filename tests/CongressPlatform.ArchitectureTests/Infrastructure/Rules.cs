using System.Reflection;
using System.Text.RegularExpressions;
using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.ArchitectureTests.Infrastructure;

/// <summary>
/// The rules as functions from the code under test to the list of offenders. The tests run them over the real
/// assemblies and the real host; <see cref="RuleSelfTests"/> runs them over planted violations to prove they can fail.
/// </summary>
public static partial class Rules
{
    [GeneratedRegex("^[a-z]+\\.[a-z-]+\\.[a-z-]+$")]
    public static partial Regex PermissionName();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    public static partial Regex KebabCase();

    // ----- Rule 1: modules meet only through contracts -----

    /// <summary>Assembly references that <paramref name="forbidden"/> refuses.</summary>
    public static IEnumerable<string> ForbiddenReferences(Assembly assembly, Func<AssemblyName, bool> forbidden) =>
        assembly.GetReferencedAssemblies().Where(forbidden).Select(r => $"{assembly.GetName().Name} references {r.Name}");

    /// <summary>Uses, by any type of <paramref name="types"/>, of a type that <paramref name="forbidden"/> refuses.</summary>
    public static IEnumerable<string> ForbiddenUsages(IEnumerable<Type> types, Func<Type, bool> forbidden, bool includeMethodBodies = true) =>
        types.SelectMany(t => TypeDependencies.Of(t, includeMethodBodies))
            .Where(u => forbidden(u.Used))
            .Select(u => u.ToString())
            .Distinct()
            .Order(StringComparer.Ordinal);

    // ----- Module surface: everything internal except the module class, requests, DTOs, bodies and enums -----

    /// <summary>
    /// The public types of a module's implementation assembly may only be: the <c>&lt;Module&gt;Module</c> class (sealed,
    /// an <c>IModule</c>, in the root namespace); enums in <c>.Domain</c> or <c>.Features.*</c>; and, in <c>.Features.*</c>,
    /// records that are requests or are named <c>*Dto</c> / <c>*Body</c>. Everything else — DbContexts, handlers,
    /// validators, domain classes, endpoint classes, event handlers, migrations — is internal.
    /// </summary>
    public static IEnumerable<string> SurfaceViolations(string rootNamespace, string moduleClassName, IEnumerable<Type> exportedTypes)
    {
        foreach (var type in exportedTypes.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var ns = type.Namespace ?? string.Empty;
            var inDomain = ns == rootNamespace + ".Domain" || ns.StartsWith(rootNamespace + ".Domain.", StringComparison.Ordinal);
            var inFeatures = ns.StartsWith(rootNamespace + ".Features.", StringComparison.Ordinal);
            string? problem;
            if (type.Name == moduleClassName && ns == rootNamespace)
            {
                problem = type.IsClass && type.IsSealed && typeof(BuildingBlocks.Modules.IModule).IsAssignableFrom(type)
                    ? null : "the module class must be a sealed IModule";
            }
            else if (typeof(DbContext).IsAssignableFrom(type))
            {
                problem = "a DbContext must be internal";
            }
            else if (type.Closing(typeof(IRequestHandler<,>)).Any() || type.Closing(typeof(IValidator<>)).Any()
                     || typeof(IIntegrationEventHandler).IsAssignableFrom(type))
            {
                problem = "handlers and validators must be internal";
            }
            else if (type.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            {
                problem = "endpoint classes must be internal";
            }
            else if (type.IsEnum)
            {
                problem = inDomain || inFeatures ? null : "a public enum belongs in .Domain or .Features.*";
            }
            else if (inDomain)
            {
                problem = "domain entities and services must be internal (only enums may be public in .Domain)";
            }
            else if (inFeatures)
            {
                problem = !type.IsRecord()
                    ? "only records (requests, DTOs, bodies) may be public in .Features.*"
                    : typeof(IBaseRequest).IsAssignableFrom(type) || type.Name.EndsWith("Dto", StringComparison.Ordinal)
                        || type.Name.EndsWith("Body", StringComparison.Ordinal)
                        ? null
                        : "a public record in .Features.* is a request, a *Dto or a *Body";
            }
            else
            {
                problem = $"only {moduleClassName}, requests, DTOs, bodies and enums may be public";
            }
            if (problem is not null)
            {
                yield return $"{type.FullName}: {problem}";
            }
        }
    }

    // ----- Rule 3: a use case is a request, its handler and its validator -----

    /// <summary>
    /// Every request is a <c>*Command</c> (an <c>ICommand&lt;&gt;</c>) or a <c>*Query</c> (an <c>IQuery&lt;&gt;</c>), declares exactly one
    /// of <c>[RequiresPermission]</c> / <c>[NoPermissionRequired]</c>, names a well-formed, catalogued permission of its own
    /// module, and has exactly one handler named <c>&lt;Request&gt;Handler</c> beside it. Validators are <c>&lt;Request&gt;Validator</c>.
    /// </summary>
    public static IEnumerable<string> UseCaseViolations(
        IReadOnlyCollection<Type> requests, IReadOnlyCollection<Type> candidates,
        Func<Type, string> permissionPrefixOf, Func<string, bool> permissionExists)
    {
        var handlers = candidates.Where(t => t.IsConcrete())
            .SelectMany(t => t.Closing(typeof(IRequestHandler<,>)).Select(i => (Handler: t, Request: i.GetGenericArguments()[0])))
            .ToList();
        var validators = candidates.Where(t => t.IsConcrete())
            .SelectMany(t => t.Closing(typeof(IValidator<>)).Select(i => (Validator: t, Target: i.GetGenericArguments()[0])))
            .ToList();

        foreach (var request in requests.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var name = request.FullName;
            var isCommand = request.Closing(typeof(ICommand<>)).Any();
            var isQuery = request.Closing(typeof(IQuery<>)).Any();
            if (request.Name.EndsWith("Command", StringComparison.Ordinal))
            {
                if (!isCommand)
                {
                    yield return $"{name}: a *Command must implement ICommand<T> (the unit of work saves only commands)";
                }
            }
            else if (request.Name.EndsWith("Query", StringComparison.Ordinal))
            {
                if (!isQuery)
                {
                    yield return $"{name}: a *Query must implement IQuery<T>";
                }
            }
            else
            {
                yield return $"{name}: a request is named *Command or *Query";
            }
            if (isCommand && isQuery)
            {
                yield return $"{name}: is both a command and a query";
            }

            var required = request.GetCustomAttribute<RequiresPermissionAttribute>(inherit: false);
            var none = request.GetCustomAttribute<NoPermissionRequiredAttribute>(inherit: false);
            if ((required is null) == (none is null))
            {
                yield return $"{name}: declares {(required is null ? "neither" : "both")} [RequiresPermission] {(required is null ? "nor" : "and")} [NoPermissionRequired]";
            }
            else
            {
                string? declared = null;
                string? error = null;
                try
                {
                    declared = CongressPlatform.BuildingBlocks.Messaging.RequestPermissions.Of(request);
                }
                catch (InvalidOperationException e)
                {
                    error = e.Message;
                }
                if (error is not null)
                {
                    yield return $"{name}: RequestPermissions.Of refuses it: {error}";
                }
                else if (none is not null && string.IsNullOrWhiteSpace(none.Reason))
                {
                    yield return $"{name}: [NoPermissionRequired] must say why";
                }
                else if (declared is not null)
                {
                    var prefix = permissionPrefixOf(request) + ".";
                    if (!PermissionName().IsMatch(declared))
                    {
                        yield return $"{name}: permission '{declared}' is not <module>.<resource>.<action> (lower-case, kebab-case)";
                    }
                    if (!declared.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        yield return $"{name}: permission '{declared}' does not start with its module's '{prefix}'";
                    }
                    if (!permissionExists(declared))
                    {
                        yield return $"{name}: permission '{declared}' is not in the permission catalogue";
                    }
                }
            }

            var own = handlers.Where(h => h.Request == request).Select(h => h.Handler).ToList();
            if (own.Count != 1)
            {
                yield return $"{name}: has {own.Count} handlers ({string.Join(", ", own.Select(h => h.FullName))}); exactly one is required";
            }
            foreach (var handler in own)
            {
                if (handler.Name != request.Name + "Handler")
                {
                    yield return $"{name}: its handler {handler.FullName} is not named {request.Name}Handler";
                }
                var isContract = request.Assembly.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal);
                if (!isContract && handler.Namespace != request.Namespace)
                {
                    yield return $"{name}: its handler {handler.FullName} is not in the request's namespace {request.Namespace}";
                }
                if (isContract && permissionPrefixOf(handler) != permissionPrefixOf(request))
                {
                    yield return $"{name}: a contracts query is handled by its own module, not by {handler.Assembly.GetName().Name}";
                }
            }
            var ownValidators = validators.Where(v => v.Target == request).Select(v => v.Validator).ToList();
            if (ownValidators.Count > 1)
            {
                yield return $"{name}: has {ownValidators.Count} validators; one use case has at most one";
            }
            foreach (var validator in ownValidators.Where(v => v.Namespace != request.Namespace && !request.Assembly.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal)))
            {
                yield return $"{name}: its validator {validator.FullName} is not in the request's namespace";
            }
        }

        foreach (var (validator, target) in validators.OrderBy(v => v.Validator.FullName, StringComparer.Ordinal))
        {
            if (validator.Name != target.Name + "Validator")
            {
                yield return $"{validator.FullName}: a validator of {target.Name} is named {target.Name}Validator";
            }
        }
        foreach (var (handler, request) in handlers.Where(h => !requests.Contains(h.Request)))
        {
            yield return $"{handler.FullName}: handles {request.FullName}, which is not a request of the modules, their contracts or BuildingBlocks";
        }
    }

    // ----- Rule 4: endpoints are thin, declare a permission or that they are public -----

    /// <summary>
    /// Every endpoint declares exactly one of a permission (backed by the matching <c>perm:</c> policy, never anonymous)
    /// or that it is public; every <c>/api/</c> route is <c>/api/&lt;module&gt;/&lt;resources&gt;/…</c> in kebab-case with a plural
    /// resource, <c>&lt;module&gt;</c> a module or <c>platform</c>; every permission is catalogued and belongs to the route's module.
    /// </summary>
    public static IEnumerable<string> EndpointViolations(
        IEnumerable<RouteEndpoint> endpoints, IReadOnlyCollection<string> moduleNames, Func<string, bool> permissionExists)
    {
        foreach (var endpoint in endpoints.OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            var route = endpoint.RoutePattern.RawText ?? "(no pattern)";
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            var label = $"{string.Join('|', methods)} {route} [{endpoint.DisplayName}]".TrimStart();
            var permissions = endpoint.Metadata.GetOrderedMetadata<PermissionMetadata>();
            var isPublic = endpoint.Metadata.GetMetadata<PublicEndpointMetadata>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

            // A platform service acting on another module's data (attachments) cannot name one permission: the owner's
            // policy checks the owner module's permission per request. It says so (RequireOwnerPermission), and still
            // requires a signed-in caller; it may not be combined with a fixed permission or with public access.
            var ownerDecides = endpoint.Metadata.GetMetadata<OwnerPermissionMetadata>();
            var declarations = (permissions.Count > 0 ? 1 : 0) + (isPublic ? 1 : 0) + (ownerDecides is not null ? 1 : 0);
            if (declarations == 0)
            {
                yield return $"{label}: declares neither a permission (RequirePermission) nor that it is public (AllowPublic)";
            }
            if (declarations > 1)
            {
                yield return $"{label}: declares more than one of a permission, that it is public, and that the owner decides";
            }
            if (ownerDecides is not null && (anonymous || policies.Count == 0 || string.IsNullOrWhiteSpace(ownerDecides.Reason)))
            {
                yield return $"{label}: leaves the permission to the owner's policy but does not require a signed-in caller, or says not why";
            }
            if (permissions.Count > 0 && anonymous)
            {
                yield return $"{label}: requires a permission but allows anonymous access, which switches authorization off";
            }
            if (isPublic && !anonymous)
            {
                yield return $"{label}: is declared public but does not allow anonymous access";
            }
            foreach (var permission in permissions.Select(p => p.Permission))
            {
                if (!policies.Contains(EndpointPermissionExtensions.PolicyPrefix + permission))
                {
                    yield return $"{label}: declares '{permission}' without the '{EndpointPermissionExtensions.PolicyPrefix}{permission}' policy that enforces it";
                }
                if (!PermissionName().IsMatch(permission))
                {
                    yield return $"{label}: permission '{permission}' is not <module>.<resource>.<action>";
                }
                if (!permissionExists(permission))
                {
                    yield return $"{label}: permission '{permission}' is not in the permission catalogue";
                }
            }

            var literal = endpoint.RoutePattern.PathSegments
                .Select(s => s.Parts.Count == 1 && s.Parts[0] is RoutePatternLiteralPart l ? l.Content : null)
                .ToList();
            if (literal.Count == 0 || literal[0] != "api")
            {
                continue;
            }
            if (literal.Count < 3 || literal[1] is null || literal[2] is null)
            {
                yield return $"{label}: an API route is /api/<module>/<resources>/...";
                continue;
            }
            var module = literal[1]!;
            if (!moduleNames.Contains(module) && module != Architecture.PlatformPrefix)
            {
                yield return $"{label}: '{module}' is neither a module ({string.Join(", ", moduleNames)}) nor '{Architecture.PlatformPrefix}'";
            }
            foreach (var segment in literal.Skip(1).Where(s => s is not null && !KebabCase().IsMatch(s)))
            {
                yield return $"{label}: segment '{segment}' is not kebab-case";
            }
            foreach (var part in endpoint.RoutePattern.PathSegments.Where(s => s.Parts.Count != 1 || s.Parts[0] is not (RoutePatternLiteralPart or RoutePatternParameterPart)))
            {
                yield return $"{label}: a segment mixes literals and parameters";
            }
            // "me" is the signed-in person (GET /api/identity/me, the issue's route): a singleton, not a collection.
            // "calendar" is the platform's one working-day calendar (/api/platform/calendar, issue 5): a singleton too.
            if (!literal[2]!.EndsWith('s') && literal[2] is not ("me" or "calendar"))
            {
                yield return $"{label}: resource '{literal[2]}' is not plural";
            }
            foreach (var permission in permissions.Select(p => p.Permission).Where(p => !p.StartsWith(module + ".", StringComparison.Ordinal)))
            {
                yield return $"{label}: permission '{permission}' does not belong to the route's module '{module}'";
            }
        }
    }

    // ----- Rule 2: integration events and their idempotent consumers -----

    /// <summary>Every integration-event handler derives from <c>IntegrationEventHandler&lt;,&gt;</c> over its own module's DbContext and has a unique name.</summary>
    public static IEnumerable<string> EventHandlerViolations(IEnumerable<Type> handlerTypes, Func<Type, string?> nameOf)
    {
        var names = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var handler in handlerTypes.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var idempotent = handler.BaseClosing(typeof(IntegrationEventHandler<,>));
            if (idempotent is null)
            {
                yield return $"{handler.FullName}: does not derive from IntegrationEventHandler<TEvent, TDbContext> (no inbox, not idempotent)";
            }
            else if (idempotent.GetGenericArguments()[1].Assembly != handler.Assembly)
            {
                yield return $"{handler.FullName}: keeps its inbox in {idempotent.GetGenericArguments()[1].FullName}, not in its own module's DbContext";
            }
            var name = nameOf(handler);
            if (string.IsNullOrWhiteSpace(name))
            {
                yield return $"{handler.FullName}: has no Name";
            }
            else if (!names.TryAdd(name, handler))
            {
                yield return $"{handler.FullName}: Name '{name}' is already used by {names[name].FullName}";
            }
        }
    }

    /// <summary>Every concrete integration event is a <c>*IntegrationEvent</c> in one of the given contracts assemblies.</summary>
    public static IEnumerable<string> EventViolations(IEnumerable<Type> types, IReadOnlyCollection<Assembly> contracts) =>
        types.Where(t => t.IsConcrete() && typeof(IntegrationEvent).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => new[]
            {
                t.Name.EndsWith("IntegrationEvent", StringComparison.Ordinal) ? null : $"{t.FullName}: is not named *IntegrationEvent",
                contracts.Contains(t.Assembly) ? null : $"{t.FullName}: lives in {t.Assembly.GetName().Name}, not in a module's .Contracts",
            })
            .OfType<string>();
}
