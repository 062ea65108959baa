using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Tests.Architecture;

/// <summary>Finds sentences that reach a person without passing through <c>Messages/</c>: string
/// literals that read like a sentence (a word, a space, a word) and flow, in a method's IL, into an
/// <see cref="OutgoingMessage"/> (its constructor, <c>PrivateText</c>, <c>PublicText</c>, <c>Text</c>).
/// Compiler-written members (a record's <c>PrintMembers</c>) are not read. The flow is followed through string building, locals, string
/// fields and properties, methods that return such a string, and methods that hand a string parameter
/// on to a reply. It stops at a log call, an exception, a <c>throw</c>, so log and developer messages
/// and protocol constants that never reach a reply are not counted.</summary>
internal static partial class SentenceScanner
{
    // Far enough for an interpolated sentence with a few holes; a statement further on is another statement.
    private const int Reach = 120;

    private static readonly Dictionary<short, OpCode> OneByte = [];
    private static readonly Dictionary<short, OpCode> TwoByte = [];

    static SentenceScanner()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            if (code.Size == 1)
                OneByte[code.Value] = code;
            else
                TwoByte[(short)(code.Value & 0xFF)] = code;
        }
    }

    /// <summary>"Namespace.Type.Method: "the sentence"" for each sentence that reaches a reply from
    /// outside the namespaces <paramref name="exempt"/> allows (the <c>Messages</c> folder).</summary>
    public static List<string> Find(Assembly assembly, string rootNamespace, Func<string, bool> exempt)
    {
        var methods = assembly.GetTypes()
            .Where(t => Outermost(t).Namespace is { } ns && (ns == rootNamespace || ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal)))
            .SelectMany(t => t.GetMembers(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .OfType<MethodBase>()
                .Where(m => !m.IsDefined(typeof(CompilerGeneratedAttribute), false))
                .Select(m => (Method: m, Il: Decode(m)))
                .Where(m => m.Il is not null))
            .Select(m => (m.Method, Il: m.Il!, Exempt: exempt(Outermost(m.Method.DeclaringType!).Namespace!)))
            .ToList();

        var sentenceMethods = new HashSet<MethodBase>();
        var sentenceFields = new HashSet<FieldInfo>();
        var sinkMethods = new HashSet<MethodBase>();
        var violations = new List<string>();
        bool changed;
        do
        {
            changed = false;
            violations.Clear();
            foreach (var (method, il, isExempt) in methods)
            {
                for (var i = 0; i < il.Count; i++)
                {
                    var origin = Origin(il[i], method, isExempt, sentenceMethods, sentenceFields);
                    if (origin is null)
                        continue;
                    switch (Follow(il, i + 1, sinkMethods))
                    {
                        case Flow.Reply when origin.Value.Sentence is { } sentence:
                            violations.Add($"{method.DeclaringType!.FullName}.{method.Name}: \"{sentence}\"");
                            break;
                        case Flow.Reply:
                            changed |= sinkMethods.Add(method);
                            break;
                        case Flow.Returned when origin.Value.Sentence is not null && method is MethodInfo { ReturnType: var r } && r == typeof(string):
                            changed |= sentenceMethods.Add(method);
                            break;
                        case Flow.Stored when origin.Value.Sentence is not null && il[StoreAt(il, i + 1)].Operand is FieldInfo { FieldType: var f } field && f == typeof(string):
                            changed |= sentenceFields.Add(field);
                            break;
                    }
                }
            }
        }
        while (changed);
        return [.. violations.Distinct()];
    }

    private enum Flow { Nowhere, Reply, Returned, Stored }

    private readonly record struct Instruction(OpCode Code, object? Operand);

    /// <summary>What starts a flow: a sentence (a literal, or a string field or method holding one,
    /// outside the exempt namespaces), or a string parameter that may be handed on to a reply.</summary>
    private static (string? Sentence, bool Parameter)? Origin(Instruction ins, MethodBase method, bool exempt,
        HashSet<MethodBase> sentenceMethods, HashSet<FieldInfo> sentenceFields)
    {
        if (ins.Code == OpCodes.Ldstr && !exempt && ins.Operand is string s && LooksLikeASentence(s))
            return (s, false);
        if ((ins.Code == OpCodes.Ldsfld || ins.Code == OpCodes.Ldfld) && ins.Operand is FieldInfo field && sentenceFields.Contains(field) && !exempt)
            return ($"{field.DeclaringType!.Name}.{field.Name}", false);
        if ((ins.Code == OpCodes.Call || ins.Code == OpCodes.Callvirt) && ins.Operand is MethodBase called && sentenceMethods.Contains(called) && !exempt)
            return ($"{called.DeclaringType!.Name}.{called.Name}()", false);
        if (Argument(ins, method) is { } p && p.ParameterType == typeof(string))
            return (null, true);
        return null;
    }

    private static Flow Follow(List<Instruction> il, int from, HashSet<MethodBase> sinkMethods)
    {
        for (var i = from; i < il.Count && i < from + Reach; i++)
        {
            var (code, operand) = il[i];
            if (code == OpCodes.Ret)
                return Flow.Returned;
            if (code == OpCodes.Throw)
                return Flow.Nowhere;
            if (code == OpCodes.Stsfld || code == OpCodes.Stfld)
                return Flow.Stored;
            if (operand is not MethodBase called)
                continue;
            var type = called.DeclaringType;
            if (type is null)
                continue;
            if (code == OpCodes.Newobj && typeof(Exception).IsAssignableFrom(type))
                return Flow.Nowhere;
            if (type.Namespace?.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal) == true)
                return Flow.Nowhere;
            if ((type == typeof(OutgoingMessage) && called.Name is ".ctor" or nameof(OutgoingMessage.PrivateText) or nameof(OutgoingMessage.PublicText) or "set_Text")
                || sinkMethods.Contains(called))
                return Flow.Reply;
            if (!KeepsText(called))
                return Flow.Nowhere;
        }
        return Flow.Nowhere;
    }

    /// <summary>Whether text may still be on its way after this call: it builds or returns a string
    /// (or nothing), or makes one of the port's records (a card) on the way to its message. A call
    /// that turns the text into something else (its length, a header) ends the flow.</summary>
    private static bool KeepsText(MethodBase called)
    {
        var returns = called is MethodInfo info ? info.ReturnType : called.DeclaringType!;
        return returns == typeof(void) || returns == typeof(string) || returns == typeof(StringBuilder)
            || returns == typeof(DefaultInterpolatedStringHandler) || called.DeclaringType!.Namespace == typeof(OutgoingMessage).Namespace;
    }

    private static int StoreAt(List<Instruction> il, int from)
    {
        for (var i = from; i < il.Count; i++)
        {
            if (il[i].Code == OpCodes.Stsfld || il[i].Code == OpCodes.Stfld)
                return i;
        }
        return il.Count - 1;
    }

    private static ParameterInfo? Argument(Instruction ins, MethodBase method)
    {
        int index;
        if (ins.Code == OpCodes.Ldarg_0) index = 0;
        else if (ins.Code == OpCodes.Ldarg_1) index = 1;
        else if (ins.Code == OpCodes.Ldarg_2) index = 2;
        else if (ins.Code == OpCodes.Ldarg_3) index = 3;
        else if ((ins.Code == OpCodes.Ldarg_S || ins.Code == OpCodes.Ldarg) && ins.Operand is int n) index = n;
        else return null;
        if (!method.IsStatic)
            index--;
        var parameters = method.GetParameters();
        return index >= 0 && index < parameters.Length ? parameters[index] : null;
    }

    /// <summary>A space and a word of two letters or more: "Try again", "`, not `"; not
    /// "application/json", "{0} {1}" or ", ".</summary>
    public static bool LooksLikeASentence(string s) => Sentence().IsMatch(s);

    [GeneratedRegex(@"^(?=[\s\S]*\s)(?=[\s\S]*\p{L}{2})")]
    private static partial Regex Sentence();

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
            type = outer;
        return type;
    }

    private static List<Instruction>? Decode(MethodBase method)
    {
        byte[]? bytes;
        try
        {
            bytes = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException)
        {
            return null;
        }
        if (bytes is null)
            return null;
        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method is MethodInfo { IsGenericMethod: true } g ? g.GetGenericArguments() : null;
        var result = new List<Instruction>();
        var at = 0;
        while (at < bytes.Length)
        {
            var code = bytes[at] == 0xFE ? TwoByte[bytes[++at]] : OneByte[bytes[at]];
            at++;
            object? operand = null;
            switch (code.OperandType)
            {
                case OperandType.InlineString:
                    operand = module.ResolveString(BitConverter.ToInt32(bytes, at));
                    at += 4;
                    break;
                case OperandType.InlineMethod:
                    operand = Resolve(() => module.ResolveMethod(BitConverter.ToInt32(bytes, at), typeArgs, methodArgs));
                    at += 4;
                    break;
                case OperandType.InlineField:
                    operand = Resolve(() => module.ResolveField(BitConverter.ToInt32(bytes, at), typeArgs, methodArgs));
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + 4 * BitConverter.ToInt32(bytes, at);
                    break;
                case OperandType.ShortInlineVar:
                    operand = (int)bytes[at];
                    at += 1;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    operand = (int)BitConverter.ToUInt16(bytes, at);
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    at += 4;
                    break;
            }
            result.Add(new Instruction(code, operand));
        }
        return result;
    }

    private static object? Resolve(Func<object?> resolve)
    {
        try
        {
            return resolve();
        }
        catch (Exception ex) when (ex is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException)
        {
            return null;
        }
    }
}
