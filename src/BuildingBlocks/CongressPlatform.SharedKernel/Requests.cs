using MediatR;

namespace CongressPlatform.SharedKernel;

/// <summary>A use case that changes state. The unit-of-work behaviour saves the module's DbContext after it.</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

/// <summary>A use case that only reads.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;

/// <summary>Declares the permission a request needs (<c>module.resource.action</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPermissionAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}

/// <summary>
/// Declares that a request needs no permission: public pages, or queries other modules send
/// from code that has already been authorised at its own entry point.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NoPermissionRequiredAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
