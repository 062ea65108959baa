using System.Text.RegularExpressions;

namespace Cl37.Bot.Tests.Architecture;

/// <summary>The imports between the production project's namespaces, read once per test run from
/// the compiled assembly and the source text (<see cref="DependencyGraph"/>), held to the drawing
/// in docs/architecture.md.</summary>
public sealed partial class FeatureDependencyTests
{
    private static readonly Lazy<DependencyGraph> Production = new(() =>
        DependencyGraph.Read(typeof(Program).Assembly.Location, "Cl37.Bot", Path.Combine(RepoFiles.Root(), "src", "Cl37.Bot"), globalNamespace: "Hosting"));

    private static Dictionary<string, Dictionary<string, string>> Features => Production.Value.Collapse(Feature);

    [Fact]
    public void Features_HaveNoImportCycles()
    {
        var cycles = Cycles(Features);

        Assert.True(cycles.Count == 0, "Feature folders import each other in a loop:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Namespaces_HaveNoImportCycles()
    {
        var cycles = Cycles(Production.Value.Collapse(ns => ns));

        Assert.True(cycles.Count == 0, "Namespaces import each other in a loop:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Features_ImportOnlyTheRowsAboveThemInTheDrawing()
    {
        var rows = DrawnRows();
        var unknown = Features.Keys.Where(f => !rows.ContainsKey(f)).ToList();
        var upward = LayerViolations(Features, rows);

        Assert.True(unknown.Count == 0, "Folders missing from the drawing in docs/architecture.md: " + string.Join(", ", unknown));
        Assert.True(upward.Count == 0, "Imports against the drawing's order:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void Adapters_ImportOnlyTheRolesBelowThemInTheTemplate()
    {
        var roles = TemplateRoles();
        var adapters = Production.Value.Namespaces.Where(ns => ns.StartsWith("Platforms.", StringComparison.Ordinal)).Select(ns => ns.Split('.')[1]).Distinct().ToList();
        var problems = new List<string>();
        foreach (var adapter in adapters)
        {
            var prefix = "Platforms." + adapter;
            string? Role(string ns) => ns == prefix ? "" : ns.StartsWith(prefix + ".", StringComparison.Ordinal) ? ns[(prefix.Length + 1)..].Split('.')[0] : null;
            var graph = Production.Value.Collapse(Role);
            problems.AddRange(graph.Keys.Where(r => !roles.ContainsKey(r)).Select(r => $"{prefix}.{r} is not a role of the template"));
            problems.AddRange(LayerViolations(graph, roles).Select(v => $"{adapter}: {v}"));
        }

        Assert.True(problems.Count == 0, "Adapters against the template in docs/architecture.md:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Adapters_HoldOnlyTheTemplatesFoldersAndTheirHosting()
    {
        var roles = TemplateRoles().Keys.Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
        var source = Path.Combine(RepoFiles.Root(), "src", "Cl37.Bot");
        var platforms = Path.Combine(source, "Platforms");
        var hostingCode = Directory.EnumerateFiles(Path.Combine(source, "Hosting"), "*.cs", SearchOption.AllDirectories).Select(SourceCode).ToList();
        var problems = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(platforms))
        {
            var name = Path.GetFileName(folder);
            problems.AddRange(Directory.EnumerateDirectories(folder).Select(Path.GetFileName).Where(d => !roles.Contains(d!) && d is not "bin" and not "obj")
                .Select(d => $"Platforms/{name}/{d}/ is not a role of the template"));
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '.');
                var declared = NamespaceLine().Match(File.ReadAllText(file)) is { Success: true } m ? m.Groups[1].Value : "(none)";
                if (declared != "Cl37.Bot." + relative)
                    problems.Add($"{Path.GetRelativePath(source, file)} declares namespace {declared}, not its folder's");
            }

            // The root is the host's: its registration and what the host reaches from there.
            var rootFiles = Directory.EnumerateFiles(folder, "*.cs").ToDictionary(f => Path.GetFileNameWithoutExtension(f), SourceCode, StringComparer.Ordinal);
            var hosting = name + "HostingExtensions";
            if (!rootFiles.ContainsKey(hosting))
            {
                problems.Add($"Platforms/{name}/ has no {hosting}.cs");
                continue;
            }
            var reached = new HashSet<string>(StringComparer.Ordinal) { hosting };
            var readers = new List<string>(hostingCode) { rootFiles[hosting] };
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var (type, code) in rootFiles)
                {
                    if (reached.Contains(type) || !readers.Any(r => Regex.IsMatch(r, $@"\b{type}\b")))
                        continue;
                    reached.Add(type);
                    readers.Add(code);
                    grew = true;
                }
            }
            problems.AddRange(rootFiles.Keys.Where(t => !reached.Contains(t)).Select(t => $"Platforms/{name}/{t}.cs is not hosting (neither {hosting} nor Hosting/ reaches it): move it into its role"));
        }

        Assert.True(problems.Count == 0, "Adapters against the template's folders in docs/architecture.md:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("Chat")]
    [InlineData("Data")]
    [InlineData("Calculators")]
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
        var importers = Features.Where(e => e.Key != "Hosting" && e.Value.ContainsKey("Hosting")).Select(e => $"{e.Key} ({e.Value["Hosting"]})").ToList();

        Assert.True(importers.Count == 0, "Only the composition root may know Hosting: " + string.Join("; ", importers));
    }

    [Fact]
    public void Platforms_AreImportedOnlyByTheCompositionRoot()
    {
        var importers = Features.Where(e => e.Key != "Hosting" && e.Value.ContainsKey("Platforms")).Select(e => $"{e.Key} ({e.Value["Platforms"]})").ToList();

        Assert.True(importers.Count == 0, "Quiz code must not touch platform types: " + string.Join("; ", importers));
    }

    [Fact]
    public void Platforms_HaveNoPublicTypes()
    {
        var offenders = Production.Value.PublicTypes.Where(t => t.StartsWith("Cl37.Bot.Platforms.", StringComparison.Ordinal)).ToList();

        Assert.True(offenders.Count == 0, "Platform types must be internal: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Graph_SeesTheKnownEdges()
    {
        // Guards the reader itself: these imports exist, so a graph without them is broken.
        Assert.Contains("Chat", Features["Platforms"].Keys);
        Assert.Contains("Quiz", Features["Commands"].Keys);
        Assert.Contains("Platforms.Discord.Kernel", Production.Value.Edges["Platforms.Discord.Incoming"].Keys);
    }

    private static string SourceCode(string path) => DependencyGraph.CodeOnly(File.ReadAllText(path));

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    private static Dictionary<string, string> Imports(string feature) =>
        Features.TryGetValue(feature, out var imports) ? imports : [];

    /// <summary>The folder under Cl37.Bot a namespace names ("Quiz" for "Quiz.Grading").</summary>
    private static string? Feature(string ns) => ns.Length == 0 ? null : ns.Split('.')[0];

    /// <summary>Each edge that points at the same row or a lower one (further down the drawing).</summary>
    internal static List<string> LayerViolations(Dictionary<string, Dictionary<string, string>> graph, Dictionary<string, int> rows) =>
        graph.SelectMany(e => e.Value.Select(t => (From: e.Key, To: t.Key, Example: t.Value)))
            .Where(e => rows.TryGetValue(e.From, out var from) && rows.TryGetValue(e.To, out var to) && to >= from)
            .Select(e => $"{e.From} → {e.To} ({e.Example})")
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The first drawing in docs/architecture.md: each line's leading folder names, row by row.</summary>
    private static Dictionary<string, int> DrawnRows() => Rows(Drawing(0), name => name.Split('/')[0]);

    /// <summary>The adapter template drawing ("Platforms/&lt;Name&gt;/"): each line's leading role.</summary>
    private static Dictionary<string, int> TemplateRoles() =>
        Rows(Drawing(Drawings().FindIndex(d => d.Contains("<Name>/", StringComparison.Ordinal))), name => name == "<Name>/" ? "" : name.TrimEnd('/'));

    private static Dictionary<string, int> Rows(List<string> lines, Func<string, string> node)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var names = Regex.Matches(line, @"^(?:\s*(?:\+\s*)?([A-Z<][\w<>/{},.]*))+").SelectMany(m => m.Groups[1].Captures).Select(c => c.Value).Where(n => !n.EndsWith(".cs", StringComparison.Ordinal)).ToList();
            if (names.Count == 0)
                continue;
            var row = rows.Count == 0 ? 0 : rows.Values.Max() + 1;
            foreach (var name in names)
                rows[node(name)] = row;
        }
        return rows;
    }

    private static List<string> Drawing(int index) => Drawings()[index].Split('\n').ToList();

    private static List<string> Drawings()
    {
        var text = File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "architecture.md"));
        return Regex.Matches(text, "```\\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>Every strongly connected component of more than one node (Tarjan), described with
    /// one loop through it and the edges that make it.</summary>
    internal static List<string> Cycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<string>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.TryGetValue(v, out var ws) ? ws.Keys.ToList() : [])
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
                result.Add(Describe(component, graph));
        }

        foreach (var v in graph.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(v))
                Visit(v);
        return result;
    }

    // A walk through the component that returns to its start, so the message names real edges.
    private static string Describe(List<string> component, Dictionary<string, Dictionary<string, string>> graph)
    {
        var members = component.ToHashSet();
        var start = component.Order(StringComparer.Ordinal).First();
        var path = new List<string> { start };
        var seen = new HashSet<string> { start };
        var current = start;
        while (true)
        {
            var targets = graph[current].Keys.Where(members.Contains).Order(StringComparer.Ordinal).ToList();
            if (targets.Contains(start) && path.Count > 1)
                break;
            var step = targets.FirstOrDefault(t => !seen.Contains(t)) ?? start;
            if (step == start)
                break;
            path.Add(step);
            seen.Add(step);
            current = step;
        }
        return "{" + string.Join(", ", component.Order(StringComparer.Ordinal)) + "}, for one: "
            + string.Join("; ", path.Select((f, i) => $"{f}→{path[(i + 1) % path.Count]} via {graph[f][path[(i + 1) % path.Count]]}"));
    }
}
