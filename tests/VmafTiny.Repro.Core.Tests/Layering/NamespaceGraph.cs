using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VmafTiny.Repro.Core.Tests.Layering;

/// <summary>
/// Which namespaces of an assembly use which, read from its IL with Mono.Cecil: every type a type
/// names in its base type, interfaces, attributes, fields, properties, method signatures, local
/// variables and method bodies (calls, field accesses, casts, typeof, generic arguments), nested
/// and compiler-generated types counted as their outermost declaring type.
/// </summary>
internal sealed class NamespaceGraph
{
    private NamespaceGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> edges, IReadOnlyList<string> assemblyReferences)
    {
        Edges = edges;
        AssemblyReferences = assemblyReferences;
    }

    /// <summary>namespace → the other namespaces of <c>prefix</c> it uses.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges { get; }

    /// <summary>The names of the assemblies the assembly references.</summary>
    public IReadOnlyList<string> AssemblyReferences { get; }

    /// <summary>The graph of the namespaces under <paramref name="prefix"/> in the assembly at <paramref name="path"/>.</summary>
    public static NamespaceGraph Read(string path, string prefix)
    {
        using var module = ModuleDefinition.ReadModule(path);
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        bool Inside(string ns) => ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var from = NamespaceOf(type);
            if (!Inside(from)) continue;
            if (!edges.TryGetValue(from, out var used)) edges[from] = used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var to in References(type).SelectMany(Expand).Select(NamespaceOf))
                if (to != from && Inside(to)) used.Add(to);
        }
        return new NamespaceGraph(edges.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal),
            module.AssemblyReferences.Select(a => a.Name).Order(StringComparer.Ordinal).ToList());
    }

    private static string NamespaceOf(TypeReference t)
    {
        while (t.DeclaringType is not null) t = t.DeclaringType;
        return t.Namespace;
    }

    // A type and what it is made of: the element of an array, the arguments of a generic type.
    private static IEnumerable<TypeReference> Expand(TypeReference t)
    {
        switch (t)
        {
            case GenericInstanceType g:
                yield return g.ElementType;
                foreach (var x in g.GenericArguments.SelectMany(Expand)) yield return x;
                break;
            case TypeSpecification s:
                foreach (var x in Expand(s.ElementType)) yield return x;
                break;
            case GenericParameter:
                break;
            default:
                yield return t;
                break;
        }
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        if (type.BaseType is not null) yield return type.BaseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var t in Attributes(type)) yield return t;
        foreach (var p in type.GenericParameters.SelectMany(g => g.Constraints)) yield return p.ConstraintType;
        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
            foreach (var t in Attributes(f)) yield return t;
        }
        foreach (var p in type.Properties)
        {
            yield return p.PropertyType;
            foreach (var t in Attributes(p)) yield return t;
        }
        foreach (var e in type.Events) yield return e.EventType;
        foreach (var m in type.Methods)
        {
            foreach (var t in Signature(m)) yield return t;
            foreach (var t in Attributes(m)) yield return t;
            foreach (var t in m.Parameters.SelectMany(Attributes)) yield return t;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var h in m.Body.ExceptionHandlers.Where(h => h.CatchType is not null)) yield return h.CatchType;
            foreach (var ins in m.Body.Instructions)
                foreach (var t in Operand(ins)) yield return t;
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction ins) => ins.Operand switch
    {
        TypeReference t => [t],
        MethodReference m => Signature(m),
        FieldReference f => [f.DeclaringType, f.FieldType],
        _ => [],
    };

    private static IEnumerable<TypeReference> Signature(MethodReference m)
    {
        yield return m.DeclaringType;
        yield return m.ReturnType;
        foreach (var p in m.Parameters) yield return p.ParameterType;
        if (m is GenericInstanceMethod g)
            foreach (var a in g.GenericArguments) yield return a;
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(a => a.ConstructorArguments.Select(x => x.Value).OfType<TypeReference>().Prepend(a.AttributeType));
}
