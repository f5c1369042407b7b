using System.Reflection;
using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CongressPlatform.BuildingBlocks.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MediatR 5.1.0 with our behaviours, in this order: logging/timing → audit (commands) → authorization → validation → unit of work → handler.
    /// Handlers, validators and integration-event handlers are found by scanning the given assemblies.
    /// </summary>
    public static IServiceCollection AddPlatformMessaging(this IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        services.TryAddScoped<ServiceFactory>(p => p.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        services.TryAddScoped<UnitOfWork>();

        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));

        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()).Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var service in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = service.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>))
                {
                    services.AddScoped(service, type);
                }
                else if (definition == typeof(IValidator<>))
                {
                    // Built once: a validator's rules are the same for every request (building them per request was
                    // a visible share of a small command's cost). So a validator depends on nothing of the scope —
                    // at most the clock; the architecture tests hold every validator to that.
                    services.AddSingleton(service, type);
                }
                else if (definition == typeof(IIntegrationEventHandler<>))
                {
                    services.AddScoped(service, type);
                    services.AddScoped(type);
                }
            }
        }
        return services;
    }
}
