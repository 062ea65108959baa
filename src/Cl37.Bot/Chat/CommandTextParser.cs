using System.Text;

namespace Cl37.Bot.Chat;

/// <summary>Turns a typed command (<c>/calc servers peak:200 capacity:50</c>, <c>/leaderboard month</c>)
/// into a <see cref="ChatCommand"/> using the catalog's definitions. The one spelling shown
/// everywhere is Discord's <c>name:value</c>; every other spelling a person tries is read the same:
/// positional values, <c>name=value</c>, <c>--name value</c>, <c>--name=value</c>, <c>-</c> for
/// <c>_</c> in names, and for a yes/no option <c>--name</c>, the bare <c>name</c> and
/// <c>--name true</c>. Values after a named list option (<c>layers:784 128 64</c>) belong to it.</summary>
public static class CommandTextParser
{
    /// <summary>Longest accepted command text; longer input is refused, not truncated.</summary>
    public const int MaxLength = 2000;

    /// <param name="files">Files sent with the text: the command's file options take them in order.</param>
    public static CommandParseResult Parse(CommandCatalog catalog, string text, ChannelRef channel, ChatUser user, IReadOnlyList<IncomingFile>? files = null)
    {
        var tokens = Tokenize(text.Length > MaxLength ? text[..MaxLength] : text);
        if (text.Length > MaxLength)
            return CommandParseResult.Fail(new CommandParseError.TooLong(MaxLength));
        if (tokens.Count == 0)
            return CommandParseResult.Fail(new CommandParseError.Empty());

        var name = tokens[0].TrimStart('/');
        var command = catalog.Find(name);
        if (command is null)
            return CommandParseResult.Fail(new CommandParseError.UnknownCommand(name));

        var rest = tokens.Skip(1).ToList();
        SubCommandDefinition? sub = null;
        IReadOnlyList<OptionDefinition> options = command.Options;
        if (command.SubCommands.Count > 0)
        {
            if (rest.Count >= 2)
                sub = command.FindSubCommand(rest[0] + " " + rest[1]);
            if (sub is not null)
            {
                rest.RemoveRange(0, 2);
            }
            else if (rest.Count >= 1 && command.FindSubCommand(rest[0]) is { } single)
            {
                sub = single;
                rest.RemoveAt(0);
            }
            else
            {
                return CommandParseResult.Fail(new CommandParseError.NoSuchSubCommand(command, rest.Count == 0 ? null : rest[0]));
            }
            options = sub.Options;
        }

        var args = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        OptionDefinition? namedList = null;
        for (var i = 0; i < rest.Count; i++)
        {
            var token = rest[i];
            if (token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2)
            {
                namedList = null;
                var flagName = token[2..];
                var eq = flagName.IndexOfAny([':', '=']);
                string? inline = null;
                if (eq > 0)
                {
                    inline = flagName[(eq + 1)..];
                    flagName = flagName[..eq];
                }
                var opt = FindOption(options, flagName);
                if (opt is null)
                    return UnknownOption(command, sub, flagName);
                if (inline is not null)
                    args[opt.Name] = inline;
                else if (opt.Kind == OptionKind.Boolean)
                    args[opt.Name] = i + 1 < rest.Count && ArgumentValidator.IsBoolean(rest[i + 1]) ? rest[++i] : "true";
                else if (i + 1 < rest.Count)
                    args[opt.Name] = rest[++i];
                else
                    return CommandParseResult.Fail(new CommandParseError.MissingValue(command, sub, opt));
                if (opt.Kind == OptionKind.Rest)
                    namedList = opt;
                continue;
            }
            var sep = token.IndexOfAny([':', '=']);
            if (sep > 0 && FindOption(options, token[..sep]) is { } named)
            {
                args[named.Name] = token[(sep + 1)..];
                namedList = named.Kind == OptionKind.Rest ? named : null;
                continue;
            }
            if (namedList is not null)
            {
                args[namedList.Name] += " " + token;
                continue;
            }
            if (FindOption(options, token) is { Kind: OptionKind.Boolean } flag && !args.ContainsKey(flag.Name))
            {
                args[flag.Name] = "true";
                continue;
            }
            positional.Add(token);
        }

        var p = 0;
        foreach (var opt in options)
        {
            if (p >= positional.Count)
                break;
            if (args.ContainsKey(opt.Name) || opt.Kind is OptionKind.Boolean or OptionKind.File)
                continue;
            if (opt.Kind == OptionKind.Rest)
            {
                args[opt.Name] = string.Join(' ', positional.Skip(p));
                p = positional.Count;
                break;
            }
            args[opt.Name] = positional[p++];
        }
        if (p < positional.Count)
        {
            return CommandParseResult.Fail(new CommandParseError.TooManyValues(command, sub, string.Join(' ', positional.Skip(p))));
        }

        var attached = new Dictionary<string, IncomingFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var (opt, file) in options.Where(o => o.Kind == OptionKind.File).Zip(files ?? []))
        {
            attached[opt.Name] = file;
            args[opt.Name] = file.Name;
        }
        return CommandParseResult.Ok(new ChatCommand(channel, user, command.Name, sub?.Name, args) { Files = attached });
    }

    private static CommandParseResult UnknownOption(CommandDefinition command, SubCommandDefinition? sub, string name) =>
        CommandParseResult.Fail(new CommandParseError.UnknownOption(command, sub, name));

    private static OptionDefinition? FindOption(IReadOnlyList<OptionDefinition> options, string name) =>
        options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(o.Name.Replace('_', '-'), name, StringComparison.OrdinalIgnoreCase));

    internal static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>Splits on white space; double quotes (straight or curly) group words.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var ch in text)
        {
            if (ch is '"' or '“' or '”')
            {
                quoted = !quoted;
                any = true;
                continue;
            }
            if (!quoted && char.IsWhiteSpace(ch))
            {
                if (any)
                    tokens.Add(sb.ToString());
                sb.Clear();
                any = false;
                continue;
            }
            if (char.IsControl(ch))
                continue;
            sb.Append(ch);
            any = true;
        }
        if (any)
            tokens.Add(sb.ToString());
        return tokens;
    }
}
