using System.Globalization;

namespace Cl37.Bot.Chat;

/// <summary>Checks a command's arguments against its definition, whatever platform sent them.</summary>
public static class ArgumentValidator
{
    /// <summary>Returns one sentence naming the wrong argument, or null when all are fine.</summary>
    public static string? Validate(ChatCommand command, CommandDefinition definition, SubCommandDefinition? sub)
    {
        var options = sub?.Options ?? definition.Options;
        foreach (var key in command.Arguments.Keys)
        {
            if (!options.Any(o => string.Equals(o.Name, key, StringComparison.OrdinalIgnoreCase)))
                return $"`{CommandTextParser.Shorten(key)}` is not an option of this command.";
        }
        foreach (var o in options)
        {
            var value = command.Arg(o.Name);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (o.Required)
                    return $"`{o.Name}` is missing: {o.Description}.";
                continue;
            }
            if (o.MaxLength is { } max && value.Length > max)
                return $"`{o.Name}` is too long ({value.Length} characters; at most {max}).";
            switch (o.Kind)
            {
                case OptionKind.Integer:
                    if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
                        return $"`{o.Name}` must be a whole number, not `{CommandTextParser.Shorten(value)}`.";
                    if (RangeError(o, l) is { } ie)
                        return ie;
                    break;
                case OptionKind.Number:
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                        return $"`{o.Name}` must be a number, not `{CommandTextParser.Shorten(value)}`.";
                    if (RangeError(o, d) is { } de)
                        return de;
                    break;
                case OptionKind.Boolean:
                    if (!IsBoolean(value))
                        return $"`{o.Name}` must be true or false (`{o.Name}:true`), not `{CommandTextParser.Shorten(value)}`.";
                    break;
                default:
                    if (o.Choices is { Count: > 0 } choices && !choices.Contains(value, StringComparer.OrdinalIgnoreCase))
                        return $"`{o.Name}` must be one of {string.Join(", ", choices)}, not `{CommandTextParser.Shorten(value)}`.";
                    break;
            }
        }
        return null;
    }

    /// <summary>Whether the text is a yes/no value as any platform writes one (true/false, yes/no, on/off, any case).</summary>
    public static bool IsBoolean(string value) => value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off";

    /// <summary>Reads a boolean argument as written by any platform (true/false, yes/no, on/off).</summary>
    public static bool? Bool(ChatCommand command, string name) => Bool(command.Arg(name));

    /// <summary>Reads a yes/no value as written by any platform; null when there is none.</summary>
    public static bool? Bool(string? value) => value?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "on" => true,
        _ => false,
    };

    private static string? RangeError(OptionDefinition o, double value)
    {
        if (o.MinValue is { } min && value < min)
            return $"`{o.Name}` must be at least {min.ToString(CultureInfo.InvariantCulture)}.";
        if (o.MaxValue is { } max && value > max)
            return $"`{o.Name}` must be at most {max.ToString(CultureInfo.InvariantCulture)}.";
        return null;
    }
}
