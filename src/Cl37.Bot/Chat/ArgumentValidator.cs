using System.Globalization;

namespace Cl37.Bot.Chat;

/// <summary>Checks a command's arguments against its definition, whatever platform sent them.</summary>
public static class ArgumentValidator
{
    /// <summary>The first wrong argument, or null when all are fine.</summary>
    public static ArgumentError? Validate(ChatCommand command, CommandDefinition definition, SubCommandDefinition? sub)
    {
        var options = sub?.Options ?? definition.Options;
        foreach (var key in command.Arguments.Keys)
        {
            if (!options.Any(o => string.Equals(o.Name, key, StringComparison.OrdinalIgnoreCase)))
                return new(ArgumentErrorKind.NotAnOption, null, key);
        }
        foreach (var o in options)
        {
            var value = command.Arg(o.Name);
            if (o.Kind == OptionKind.File)
            {
                if (command.File(o.Name) is null && (o.Required || !string.IsNullOrWhiteSpace(value)))
                    return new(ArgumentErrorKind.NoFile, o, o.Name, value);
                continue;
            }
            if (string.IsNullOrWhiteSpace(value))
            {
                if (o.Required)
                    return new(ArgumentErrorKind.Missing, o, o.Name);
                continue;
            }
            if (o.MaxLength is { } max && value.Length > max)
                return new(ArgumentErrorKind.TooLong, o, o.Name, value);
            switch (o.Kind)
            {
                case OptionKind.Integer:
                    if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
                        return new(ArgumentErrorKind.NotWholeNumber, o, o.Name, value);
                    if (RangeError(o, l) is { } ie)
                        return ie;
                    break;
                case OptionKind.Number:
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                        return new(ArgumentErrorKind.NotNumber, o, o.Name, value);
                    if (RangeError(o, d) is { } de)
                        return de;
                    break;
                case OptionKind.Boolean:
                    if (!IsBoolean(value))
                        return new(ArgumentErrorKind.NotBoolean, o, o.Name, value);
                    break;
                default:
                    if (o.Choices is { Count: > 0 } choices && !choices.Contains(value, StringComparer.OrdinalIgnoreCase))
                        return new(ArgumentErrorKind.NotAChoice, o, o.Name, value);
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

    private static ArgumentError? RangeError(OptionDefinition o, double value)
    {
        if (o.MinValue is { } min && value < min)
            return new(ArgumentErrorKind.BelowMinimum, o, o.Name, value.ToString(CultureInfo.InvariantCulture));
        if (o.MaxValue is { } max && value > max)
            return new(ArgumentErrorKind.AboveMaximum, o, o.Name, value.ToString(CultureInfo.InvariantCulture));
        return null;
    }
}
