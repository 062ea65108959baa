using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Cl37.Bot.Tests.Architecture;

/// <summary>The feature folders' imports, read from the compiled assembly (signatures, base types,
/// attributes, locals and every instruction of every method body), so a fully qualified name or a
/// lambda counts as much as a <c>using</c>.</summary>
public sealed class FeatureDependencyTests
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Graph = new(Build);

    [Fact]
    public void Features_HaveNoImportCycles()
    {
        var cycles = Cycles(Graph.Value.ToDictionary(e => e.Key, e => e.Value.Keys.ToHashSet()));

        Assert.True(cycles.Count == 0, "Feature folders import each other in a loop:\n" + string.Join("\n", cycles.Select(Describe)));
    }

    [Theory]
    [InlineData("Chat")]
    [InlineData("Data")]
    public void Feature_AtTheBottom_ImportsNoOtherFeature(string feature)
    {
        var imports = Imports(feature);

        Assert.True(imports.Count == 0, $"{feature} must stand alone but uses: {string.Join("; ", imports.Select(i => $"{i.Key} ({i.Value})"))}");
    }

    [Fact]
    public void Platforms_ImportOnlyTheChatPort()
    {
        var imports = Imports("Platforms").Where(i => i.Key != "Chat").ToList();

        Assert.True(imports.Count == 0, "Adapters must translate to the chat port only, but use: " + string.Join("; ", imports.Select(i => $"{i.Key} ({i.Value})")));
    }

    [Fact]
    public void Hosting_IsImportedByNobody()
    {
        var importers = Graph.Value.Where(e => e.Key != "Hosting" && e.Value.ContainsKey("Hosting")).Select(e => $"{e.Key} ({e.Value["Hosting"]})").ToList();

        Assert.True(importers.Count == 0, "Only the composition root may know Hosting: " + string.Join("; ", importers));
    }

    [Fact]
    public void Platforms_AreImportedOnlyByTheCompositionRoot()
    {
        var importers = Graph.Value.Where(e => e.Key != "Hosting" && e.Value.ContainsKey("Platforms")).Select(e => $"{e.Key} ({e.Value["Platforms"]})").ToList();

        Assert.True(importers.Count == 0, "Quiz code must not touch platform types: " + string.Join("; ", importers));
    }

    [Fact]
    public void Platforms_HaveNoPublicTypes()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        var offenders = module.Types
            .Where(t => t.IsPublic && Feature(t) == "Platforms")
            .Select(t => t.FullName)
            .ToList();

        Assert.True(offenders.Count == 0, "Platform types must be internal: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Graph_SeesTheKnownEdges()
    {
        // Guards the reader itself: these imports exist, so a graph without them is broken.
        Assert.Contains("Chat", Graph.Value["Platforms"].Keys);
        Assert.Contains("Quiz", Graph.Value["Commands"].Keys);
    }

    private static Dictionary<string, string> Imports(string feature) =>
        Graph.Value.TryGetValue(feature, out var imports) ? imports : [];

    private static string Describe((List<string> Members, List<string> Cycle) loop) => Describe(loop.Members, loop.Cycle);

    private static string Describe(List<string> members, List<string> cycle) =>
        "{" + string.Join(", ", members.Order(StringComparer.Ordinal)) + "}, for one: " + string.Join(" → ", cycle.Append(cycle[0])) + ": " + string.Join("; ", cycle.Select((f, i) => $"{f}→{cycle[(i + 1) % cycle.Count]} via {Graph.Value[f][cycle[(i + 1) % cycle.Count]]}"));

    /// <summary>feature → (imported feature → one example "Type uses Type").</summary>
    private static Dictionary<string, Dictionary<string, string>> Build()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        var graph = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in module.GetTypes())
        {
            if (Feature(type) is not { } from)
                continue;
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var used in Uses(type))
            {
                if (used.Resolve() is not { } target || target.Module != module)
                    continue;
                if (Feature(target) is { } to && to != from)
                    edges.TryAdd(to, $"{Outermost(type).FullName} uses {Outermost(target).FullName}");
            }
        }
        return graph;
    }

    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
            yield return baseType;
        foreach (var i in type.Interfaces)
            yield return i.InterfaceType;
        foreach (var a in type.CustomAttributes)
            foreach (var t in FromAttribute(a))
                yield return t;
        foreach (var f in type.Fields)
            yield return f.FieldType;
        foreach (var p in type.Properties)
            yield return p.PropertyType;
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters)
                yield return p.ParameterType;
            foreach (var a in m.CustomAttributes)
                foreach (var t in FromAttribute(a))
                    yield return t;
            if (!m.HasBody)
                continue;
            foreach (var v in m.Body.Variables)
                yield return v.VariableType;
            foreach (var instruction in m.Body.Instructions)
                foreach (var t in FromOperand(instruction))
                    yield return t;
        }
    }

    private static IEnumerable<TypeReference> FromAttribute(CustomAttribute attribute)
    {
        yield return attribute.AttributeType;
        foreach (var argument in attribute.ConstructorArguments)
            if (argument.Value is TypeReference t)
                yield return t;
    }

    private static IEnumerable<TypeReference> FromOperand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => Expand(t),
        MethodReference m => Expand(m.DeclaringType).Concat(Expand(m.ReturnType)).Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType)))
            .Concat(m is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []),
        FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
        _ => [],
    };

    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type.GetElementType();
        if (type is GenericInstanceType generic)
            foreach (var argument in generic.GenericArguments.SelectMany(Expand))
                yield return argument;
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is { } outer)
            type = outer;
        return type;
    }

    /// <summary>The folder under Cl37.Bot a type's namespace names; Program is the composition
    /// root's; what compilers and generators add outside our namespaces belongs to no folder.</summary>
    private static string? Feature(TypeDefinition type)
    {
        var outer = Outermost(type);
        var ns = outer.Namespace;
        const string Root = "Cl37.Bot.";
        if (!ns.StartsWith(Root, StringComparison.Ordinal))
            return ns.Length == 0 && outer.Name == nameof(Program) ? "Hosting" : null;
        var rest = ns[Root.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Every strongly connected component with more than one feature (Tarjan), with one
    /// loop through it as an example.</summary>
    private static List<(List<string> Members, List<string> Cycle)> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<(List<string>, List<string>)>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.TryGetValue(v, out var ws) ? ws : [])
            {
                if (!index.TryGetValue(w, out var wIndex))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                    low[v] = Math.Min(low[v], wIndex);
            }
            if (low[v] != index[v])
                return;
            var component = new List<string>();
            string x;
            do
            {
                x = stack.Pop();
                onStack.Remove(x);
                component.Add(x);
            } while (x != v);
            if (component.Count > 1)
                result.Add((component, OrderedCycle(component, graph)));
        }

        foreach (var v in graph.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(v))
                Visit(v);
        return result;
    }

    // A walk through the component that returns to its start, so the message names real edges.
    private static List<string> OrderedCycle(List<string> component, Dictionary<string, HashSet<string>> graph)
    {
        var members = component.ToHashSet();
        var start = component.Order(StringComparer.Ordinal).First();
        var path = new List<string> { start };
        var seen = new HashSet<string> { start };
        var current = start;
        while (true)
        {
            var targets = graph[current].Where(members.Contains).Order(StringComparer.Ordinal).ToList();
            if (targets.Contains(start) && path.Count > 1)
                return path;
            var step = targets.FirstOrDefault(t => !seen.Contains(t)) ?? start;
            if (step == start)
                return path;
            path.Add(step);
            seen.Add(step);
            current = step;
        }
    }
}
