using System.Reflection;
using System.Reflection.Emit;

namespace CongressPlatform.ArchitectureTests.Infrastructure;

/// <summary>One type's use of another, and where: a field, a signature, an attribute, a local, an instruction.</summary>
public sealed record TypeUsage(Type User, Type Used, string Via)
{
    public override string ToString() => $"{User.FullName} uses {Used.FullName} ({Via})";
}

/// <summary>
/// Every type a type depends on: base type, interfaces, generic constraints, attributes (and typeof arguments),
/// fields, properties, events, method and constructor signatures, local variables and the types, fields and methods
/// its IL refers to. Generic arguments, arrays and by-refs are unwrapped.
/// </summary>
public static class TypeDependencies
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => unchecked((ushort)o.Value));

    public static IEnumerable<TypeUsage> Of(Type type, bool includeMethodBodies = true)
    {
        var found = new List<TypeUsage>();
        void Add(Type? used, string via)
        {
            foreach (var t in Unwrap(used))
            {
                found.Add(new TypeUsage(type, t, via));
            }
        }
        void AddAttributes(IEnumerable<CustomAttributeData> attributes, string via)
        {
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType, $"attribute on {via}");
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
                {
                    if (argument.Value is Type typeArgument)
                    {
                        Add(typeArgument, $"typeof in attribute on {via}");
                    }
                }
            }
        }

        AddAttributes(type.CustomAttributes, "type");
        Add(type.BaseType, "base type");
        foreach (var i in type.GetInterfaces())
        {
            Add(i, "interface");
        }
        if (type.IsGenericTypeDefinition)
        {
            foreach (var constraint in type.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()))
            {
                Add(constraint, "generic constraint");
            }
        }
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, $"field {field.Name}");
            AddAttributes(field.CustomAttributes, $"field {field.Name}");
        }
        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType, $"property {property.Name}");
            AddAttributes(property.CustomAttributes, $"property {property.Name}");
        }
        foreach (var @event in type.GetEvents(Declared))
        {
            Add(@event.EventHandlerType, $"event {@event.Name}");
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            var name = method is ConstructorInfo ? "constructor" : $"method {method.Name}";
            AddAttributes(method.CustomAttributes, name);
            if (method is MethodInfo info)
            {
                Add(info.ReturnType, $"return of {name}");
                AddAttributes(info.ReturnParameter.CustomAttributes, $"return of {name}");
                if (info.IsGenericMethodDefinition)
                {
                    foreach (var constraint in info.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()))
                    {
                        Add(constraint, $"generic constraint of {name}");
                    }
                }
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType, $"parameter {parameter.Name} of {name}");
                AddAttributes(parameter.CustomAttributes, $"parameter {parameter.Name} of {name}");
            }
            if (includeMethodBodies)
            {
                foreach (var (used, via) in BodyOf(method))
                {
                    Add(used, $"{via} in body of {name}");
                }
            }
        }
        return found.Distinct();
    }

    /// <summary>The type and every type it is built from (generic arguments, element types); generic parameters are skipped.</summary>
    public static IEnumerable<Type> Unwrap(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }
        if (type.HasElementType)
        {
            foreach (var t in Unwrap(type.GetElementType()))
            {
                yield return t;
            }
            yield break;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var t in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return t;
            }
            yield break;
        }
        yield return type;
    }

    private static IEnumerable<(Type Type, string Via)> BodyOf(MethodBase method)
    {
        MethodBody? body;
        try
        {
            body = method.GetMethodBody();
        }
        catch (InvalidOperationException)
        {
            yield break;
        }
        if (body is null)
        {
            yield break;
        }
        foreach (var local in body.LocalVariables)
        {
            yield return (local.LocalType, "local");
        }
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            ushort value = il[i++];
            if (value == 0xFE)
            {
                value = (ushort)(0xFE00 | il[i++]);
            }
            if (!OpCodesByValue.TryGetValue(value, out var opCode))
            {
                yield break;
            }
            switch (opCode.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineType:
                case OperandType.InlineTok:
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    foreach (var used in Resolve(method.Module, token, typeArguments, methodArguments))
                    {
                        yield return (used, $"{opCode.Name}");
                    }
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    private static IEnumerable<Type> Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            yield break;
        }
        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case FieldInfo f:
                if (f.DeclaringType is { } fieldOwner)
                {
                    yield return fieldOwner;
                }
                yield return f.FieldType;
                break;
            case MethodBase m:
                if (m.DeclaringType is { } methodOwner)
                {
                    yield return methodOwner;
                }
                if (m is MethodInfo mi)
                {
                    yield return mi.ReturnType;
                    if (mi.IsGenericMethod)
                    {
                        foreach (var a in mi.GetGenericArguments())
                        {
                            yield return a;
                        }
                    }
                }
                foreach (var p in m.GetParameters())
                {
                    yield return p.ParameterType;
                }
                break;
        }
    }
}
