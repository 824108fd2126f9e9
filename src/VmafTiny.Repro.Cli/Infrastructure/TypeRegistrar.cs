using Spectre.Console.Cli;

namespace VmafTiny.Repro.Cli.Infrastructure;

/// <summary>
/// Minimal constructor-injection container for Spectre.Console.Cli: registered types, instances
/// and factories (several per service, resolvable as IEnumerable&lt;T&gt;); commands get their
/// dependencies through constructors, and tests register fakes.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, List<Func<Resolver, object?>>> _registrations = [];

    public void Register(Type service, Type implementation) => Add(service, r => r.Create(implementation));
    public void RegisterInstance(Type service, object implementation) => Add(service, _ => implementation);
    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        Add(service, _ => lazy.Value);
    }

    public ITypeResolver Build() => new Resolver(_registrations);

    private void Add(Type service, Func<Resolver, object?> factory)
    {
        if (!_registrations.TryGetValue(service, out var list)) _registrations[service] = list = [];
        list.Add(factory);
    }

    internal sealed class Resolver(Dictionary<Type, List<Func<Resolver, object?>>> registrations) : ITypeResolver
    {
        public object? Resolve(Type? type)
        {
            if (type is null) return null;
            if (registrations.TryGetValue(type, out var list)) return list[^1](this);
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                var element = type.GetGenericArguments()[0];
                var items = registrations.TryGetValue(element, out var all) ? all.Select(f => f(this)).ToList() : [];
                var array = Array.CreateInstance(element, items.Count);
                for (var i = 0; i < items.Count; i++) array.SetValue(items[i], i);
                return array;
            }
            return type.IsAbstract || type.IsInterface ? null : Create(type);
        }

        public object? Create(Type implementation)
        {
            var ctor = implementation.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
            if (ctor is null) return Activator.CreateInstance(implementation);
            return ctor.Invoke(ctor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray());
        }
    }
}
