using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Cl37.Bot.Tests.Architecture;

/// <summary>Which namespace under a root uses which, read twice: from the compiled assembly's
/// metadata (every signature, base type, attribute constructor, local and instruction, so a fully
/// qualified name or a lambda counts as much as a <c>using</c>) and from the source text, because
/// the compiler inlines constants and <c>nameof</c> and leaves no trace of them in the IL.
/// Namespaces are named relative to the root ("Quiz.Grading"); the global namespace's types count
/// as <see cref="GlobalNamespace"/>.</summary>
internal sealed partial class DependencyGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _typesByNamespace = new(StringComparer.Ordinal);

    private DependencyGraph(string globalNamespace) => GlobalNamespace = globalNamespace;

    /// <summary>The namespace the global namespace's types (Program) are counted in.</summary>
    public string GlobalNamespace { get; }

    /// <summary>namespace → (used namespace → one example "A uses B").</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Edges => _edges;

    /// <summary>Public top-level types, by full name.</summary>
    public List<string> PublicTypes { get; } = [];

    public IEnumerable<string> Namespaces => _typesByNamespace.Keys;

    public static DependencyGraph Read(string assemblyPath, string rootNamespace, string? sourceDirectory, string globalNamespace = "")
    {
        var graph = new DependencyGraph(globalNamespace) { _root = rootNamespace };
        graph.ReadMetadata(assemblyPath, rootNamespace);
        if (sourceDirectory is not null)
            graph.ReadSources(sourceDirectory, rootNamespace);
        return graph;
    }

    /// <summary>The graph with every namespace mapped to a coarser node (its feature folder, say);
    /// namespaces mapped to null and edges inside one node are dropped.</summary>
    public Dictionary<string, Dictionary<string, string>> Collapse(Func<string, string?> node)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var ns in Namespaces)
            if (node(ns) is { } n)
                result.TryAdd(n, []);
        foreach (var (from, targets) in _edges)
        {
            if (node(from) is not { } f)
                continue;
            foreach (var (to, example) in targets)
                if (node(to) is { } t && t != f)
                    result[f].TryAdd(t, example);
        }
        return result;
    }

    private void AddEdge(string from, string to, string example)
    {
        if (from == to)
            return;
        if (!_edges.TryGetValue(from, out var targets))
            _edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
        targets.TryAdd(to, example);
    }

    private string? Relative(string ns, string root) =>
        ns.Length == 0 ? GlobalNamespace
        : ns == root ? ""
        : ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..]
        : null;

    // ---- Metadata -----------------------------------------------------------------------------

    private static readonly Dictionary<ushort, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => unchecked((ushort)o.Value), o => o.OperandType);

    private void ReadMetadata(string assemblyPath, string root)
    {
        using var pe = new PEReader(ImmutableArray.Create(File.ReadAllBytes(assemblyPath)));
        var md = pe.GetMetadataReader();
        var provider = new TypesInSignature();

        string? NamespaceOf(TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            while (type.GetDeclaringType() is { IsNil: false } outer)
                type = md.GetTypeDefinition(outer);
            // What compilers add to the global namespace (<PrivateImplementationDetails>) is nobody's.
            return type.Namespace.IsNil && md.GetString(type.Name).StartsWith('<') ? null : Relative(md.GetString(type.Namespace), root);
        }

        string OutermostName(TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            while (type.GetDeclaringType() is { IsNil: false } outer)
                type = md.GetTypeDefinition(outer);
            var ns = md.GetString(type.Namespace);
            return ns.Length == 0 ? md.GetString(type.Name) : ns + "." + md.GetString(type.Name);
        }

        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            if (!type.GetDeclaringType().IsNil || NamespaceOf(handle) is not { } ns)
                continue;
            var name = md.GetString(type.Name);
            if (name == "<Module>")
                continue;
            if (!_typesByNamespace.TryGetValue(ns, out var names))
                _typesByNamespace[ns] = names = new HashSet<string>(StringComparer.Ordinal);
            names.Add(Regex.Replace(name, "`\\d+$", ""));
            if ((type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
                PublicTypes.Add(OutermostName(handle));
        }

        var namespaces = md.TypeDefinitions.ToDictionary(h => h, NamespaceOf);
        foreach (var handle in md.TypeDefinitions)
        {
            if (namespaces[handle] is not { } from)
                continue;
            foreach (var used in Uses(md, pe, provider, handle).Distinct())
                if (namespaces[used] is { } to && to != from && !(_edges.TryGetValue(from, out var known) && known.ContainsKey(to)))
                    AddEdge(from, to, $"{OutermostName(handle)} uses {OutermostName(used)}");
        }
    }

    private static List<TypeDefinitionHandle> Uses(MetadataReader md, PEReader pe, TypesInSignature provider, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var found = new List<TypeDefinitionHandle>();
        void Add(EntityHandle entity) => found.AddRange(FromEntity(md, provider, entity));
        void AddAttributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes)
                Add(md.GetCustomAttribute(a).Constructor);
        }

        if (!type.BaseType.IsNil)
            Add(type.BaseType);
        foreach (var i in type.GetInterfaceImplementations())
            Add(md.GetInterfaceImplementation(i).Interface);
        AddAttributes(type.GetCustomAttributes());
        foreach (var f in type.GetFields())
        {
            var field = md.GetFieldDefinition(f);
            found.AddRange(field.DecodeSignature(provider, null));
            AddAttributes(field.GetCustomAttributes());
        }
        foreach (var p in type.GetProperties())
        {
            var property = md.GetPropertyDefinition(p);
            var signature = property.DecodeSignature(provider, null);
            found.AddRange(signature.ReturnType);
            found.AddRange(signature.ParameterTypes.SelectMany(t => t));
            AddAttributes(property.GetCustomAttributes());
        }
        foreach (var m in type.GetMethods())
        {
            var method = md.GetMethodDefinition(m);
            var signature = method.DecodeSignature(provider, null);
            found.AddRange(signature.ReturnType);
            found.AddRange(signature.ParameterTypes.SelectMany(t => t));
            AddAttributes(method.GetCustomAttributes());
            foreach (var p in method.GetParameters())
                AddAttributes(md.GetParameter(p).GetCustomAttributes());
            if (method.RelativeVirtualAddress == 0)
                continue;
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
                found.AddRange(md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null).SelectMany(t => t));
            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                ushort code = il.ReadByte();
                if (code == 0xFE)
                    code = (ushort)(0xFE00 | il.ReadByte());
                switch (Operands[code])
                {
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                        Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineNone:
                        break;
                    default:
                        il.Offset += 4;
                        break;
                }
            }
        }
        return found;
    }

    private static IEnumerable<TypeDefinitionHandle> FromEntity(MetadataReader md, TypesInSignature provider, EntityHandle entity)
    {
        switch (entity.Kind)
        {
            case HandleKind.TypeDefinition:
                return [(TypeDefinitionHandle)entity];
            case HandleKind.TypeSpecification:
                return md.GetTypeSpecification((TypeSpecificationHandle)entity).DecodeSignature(provider, null);
            case HandleKind.MethodDefinition:
            {
                var method = md.GetMethodDefinition((MethodDefinitionHandle)entity);
                var signature = method.DecodeSignature(provider, null);
                return signature.ParameterTypes.SelectMany(t => t).Concat(signature.ReturnType).Append(method.GetDeclaringType());
            }
            case HandleKind.FieldDefinition:
            {
                var field = md.GetFieldDefinition((FieldDefinitionHandle)entity);
                return field.DecodeSignature(provider, null).Append(field.GetDeclaringType());
            }
            case HandleKind.MemberReference:
            {
                var member = md.GetMemberReference((MemberReferenceHandle)entity);
                var parent = member.Parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeSpecification or HandleKind.MethodDefinition
                    ? FromEntity(md, provider, member.Parent)
                    : [];
                if (member.GetKind() == MemberReferenceKind.Field)
                    return parent.Concat(member.DecodeFieldSignature(provider, null));
                var signature = member.DecodeMethodSignature(provider, null);
                return parent.Concat(signature.ReturnType).Concat(signature.ParameterTypes.SelectMany(t => t));
            }
            case HandleKind.MethodSpecification:
            {
                var spec = md.GetMethodSpecification((MethodSpecificationHandle)entity);
                return FromEntity(md, provider, spec.Method).Concat(spec.DecodeSignature(provider, null).SelectMany(t => t));
            }
            default:
                return [];
        }
    }

    /// <summary>Decodes a signature into the assembly's own types it names; references to other
    /// assemblies name none.</summary>
    private sealed class TypesInSignature : ISignatureTypeProvider<ImmutableArray<TypeDefinitionHandle>, object?>
    {
        public ImmutableArray<TypeDefinitionHandle> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [handle];
        public ImmutableArray<TypeDefinitionHandle> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [];
        public ImmutableArray<TypeDefinitionHandle> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        public ImmutableArray<TypeDefinitionHandle> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
        public ImmutableArray<TypeDefinitionHandle> GetSZArrayType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetArrayType(ImmutableArray<TypeDefinitionHandle> elementType, ArrayShape shape) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetByReferenceType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetPointerType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetPinnedType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetGenericInstantiation(ImmutableArray<TypeDefinitionHandle> genericType, ImmutableArray<ImmutableArray<TypeDefinitionHandle>> typeArguments) =>
            genericType.AddRange(typeArguments.SelectMany(t => t));
        public ImmutableArray<TypeDefinitionHandle> GetGenericMethodParameter(object? genericContext, int index) => [];
        public ImmutableArray<TypeDefinitionHandle> GetGenericTypeParameter(object? genericContext, int index) => [];
        public ImmutableArray<TypeDefinitionHandle> GetModifiedType(ImmutableArray<TypeDefinitionHandle> modifier, ImmutableArray<TypeDefinitionHandle> unmodifiedType, bool isRequired) => unmodifiedType;
        public ImmutableArray<TypeDefinitionHandle> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) =>
            signature.ReturnType.AddRange(signature.ParameterTypes.SelectMany(t => t));
    }

    // ---- Source text --------------------------------------------------------------------------

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(static\s+)?(?:(\w+)\s*=\s*)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    // A dotted name not itself the tail of a member access.
    [GeneratedRegex(@"(?<![\w.@])@?([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*)")]
    private static partial Regex DottedName();

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "return", "new", "is", "as", "in", "case", "await", "throw", "yield", "else", "out", "ref", "when", "not", "and", "or",
        "using", "params", "this", "base", "static", "readonly", "const", "public", "private", "internal", "protected", "sealed",
        "abstract", "virtual", "override", "partial", "async", "unsafe", "volatile", "extern", "required", "scoped", "select",
        "from", "where", "let", "into", "orderby", "group", "by", "on", "equals", "join", "goto", "default", "file", "with",
    };

    private void ReadSources(string directory, string root)
    {
        var rootPrefix = directory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var path in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = path[rootPrefix.Length..];
            if (relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                continue;
            ReadSource(File.ReadAllText(path), Path.GetFileName(path), root);
        }
    }

    internal void ReadSource(string text, string fileName, string root)
    {
        var code = CodeOnly(text);
        var declared = NamespaceLine().Match(code) is { Success: true } m ? m.Groups[1].Value : "";
        if (Relative(declared, root) is not { } from)
            return;

        // Where a simple name is looked up: the enclosing namespaces, innermost first, then the usings.
        var enclosing = new List<string>();
        for (var ns = declared; ns.Length > 0; ns = ns.Contains('.', StringComparison.Ordinal) ? ns[..ns.LastIndexOf('.')] : "")
            enclosing.Add(ns);
        var imported = new List<string>();
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match u in UsingLine().Matches(code))
        {
            var target = u.Groups[3].Value;
            if (u.Groups[1].Success || u.Groups[2].Success)
            {
                if (QualifiedType(target.Split('.'), []) is { } ns)
                {
                    AddEdge(from, ns, $"{fileName} names {target}");
                    if (u.Groups[2].Success)
                        aliases[u.Groups[2].Value] = ns;
                }
            }
            else
                imported.Add(target);
        }
        code = UsingLine().Replace(NamespaceLine().Replace(code, ""), "");

        foreach (Match name in DottedName().Matches(code))
        {
            var parts = name.Groups[1].Value.Split('.', StringSplitOptions.TrimEntries);
            if (Keywords.Contains(parts[0]) || IsDeclaredName(code, name.Index))
                continue;
            foreach (var ns in Resolve(parts, enclosing, imported, aliases, root))
                AddEdge(from, ns, $"{fileName} names {name.Groups[1].Value}");
        }
    }

    private List<string> Resolve(string[] parts, List<string> enclosing, List<string> imported, Dictionary<string, string> aliases, string root)
    {
        if (parts.Length > 1 && QualifiedType(parts, enclosing) is { } qualified)
            return [qualified];
        foreach (var ns in enclosing)
            if (Relative(ns, root) is { } r && Declares(r, parts[0]))
                return [r];
        if (aliases.TryGetValue(parts[0], out var aliased))
            return [aliased];
        return imported.Select(ns => Relative(ns, root)).OfType<string>().Where(r => Declares(r, parts[0])).ToList();
    }

    // "Quiz.Grading.Grader" written out, absolute or relative to an enclosing namespace.
    private string? QualifiedType(string[] parts, List<string> enclosing)
    {
        for (var k = parts.Length - 1; k >= 1; k--)
        {
            var written = string.Join('.', parts[..k]);
            foreach (var prefix in enclosing.Append(""))
            {
                var full = prefix.Length == 0 ? written : prefix + "." + written;
                if (Relative(full, _root!) is { } ns && ns != GlobalNamespace && Declares(ns, parts[k]))
                    return ns;
            }
        }
        return null;
    }

    private string? _root;

    private bool Declares(string ns, string type) => _typesByNamespace.TryGetValue(ns, out var names) && names.Contains(type);

    // "Grader Grader", "Question Question { get; }": the second word is a name being declared.
    private static bool IsDeclaredName(string code, int index)
    {
        var i = index - 1;
        while (i >= 0 && char.IsWhiteSpace(code[i]))
            i--;
        if (i < 0)
            return false;
        // "List<Post> Posts", "int[] Counts", "Post? Post" declare; "a > Max", "x ? A.B : c", "[Attr] Post post" do not.
        if (code[i] is '>' or '?')
            return i > 0 && (char.IsLetterOrDigit(code[i - 1]) || code[i - 1] is '_' or '>' or '?' or ']');
        if (code[i] == ']')
            return i > 0 && code[i - 1] == '[';
        if (!char.IsLetterOrDigit(code[i]) && code[i] != '_')
            return false;
        var end = i + 1;
        while (i >= 0 && (char.IsLetterOrDigit(code[i]) || code[i] == '_'))
            i--;
        return !Keywords.Contains(code[(i + 1)..end]);
    }

    /// <summary>The text with comments removed and string and character literals blanked, keeping
    /// the code inside interpolation holes.</summary>
    internal static string CodeOnly(string text)
    {
        var output = new StringBuilder(text.Length);
        var i = 0;
        Code(text, ref i, output, inHole: false);
        return output.ToString();
    }

    private static void Code(string s, ref int i, StringBuilder o, bool inHole)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < s.Length && s[i] != '\n')
                    i++;
                o.Append(' ');
            }
            else if (c == '/' && next == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? s.Length : end + 2;
                o.Append(' ');
            }
            else if (c == '\'')
            {
                i++;
                while (i < s.Length && s[i] != '\'')
                    i += s[i] == '\\' ? 2 : 1;
                i++;
                o.Append(' ');
            }
            else if (c == '"' || (c is '$' or '@' && StringStarts(s, i)))
            {
                Literal(s, ref i, o);
                o.Append(' ');
            }
            else
            {
                if (inHole && c == '{')
                    depth++;
                else if (inHole && c == '}')
                {
                    if (depth == 0)
                        return;
                    depth--;
                }
                o.Append(c);
                i++;
            }
        }
    }

    private static bool StringStarts(string s, int i)
    {
        while (i < s.Length && s[i] is '$' or '@')
            i++;
        return i < s.Length && s[i] == '"';
    }

    private static void Literal(string s, ref int i, StringBuilder o)
    {
        var dollars = 0;
        var verbatim = false;
        while (s[i] is '$' or '@')
        {
            if (s[i] == '$')
                dollars++;
            else
                verbatim = true;
            i++;
        }
        var quotes = 0;
        while (i < s.Length && s[i] == '"')
        {
            quotes++;
            i++;
        }
        if (quotes == 2)
            return;
        if (quotes >= 3)
        {
            while (i < s.Length)
            {
                if (s[i] == '"')
                {
                    var run = 0;
                    while (i < s.Length && s[i] == '"')
                    {
                        run++;
                        i++;
                    }
                    if (run >= quotes)
                        return;
                }
                else if (dollars > 0 && s[i] == '{')
                {
                    var braces = 0;
                    while (i < s.Length && s[i] == '{')
                    {
                        braces++;
                        i++;
                    }
                    if (braces < dollars)
                        continue;
                    o.Append(' ');
                    Code(s, ref i, o, inHole: true);
                    while (i < s.Length && s[i] == '}')
                        i++;
                    o.Append(' ');
                }
                else
                    i++;
            }
            return;
        }
        while (i < s.Length)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (!verbatim && c == '\\')
                i += 2;
            else if (c == '"' && verbatim && next == '"')
                i += 2;
            else if (c == '"')
            {
                i++;
                return;
            }
            else if (dollars > 0 && c == '{' && next == '{')
                i += 2;
            else if (dollars > 0 && c == '{')
            {
                i++;
                o.Append(' ');
                Code(s, ref i, o, inHole: true);
                i++;
                o.Append(' ');
            }
            else
                i++;
        }
    }
}
