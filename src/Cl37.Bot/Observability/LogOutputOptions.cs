namespace Cl37.Bot.Observability;

/// <summary>How logs are written (the <c>Logging</c> section; levels stay under <c>Logging:LogLevel</c>).</summary>
public sealed class LogOutputOptions
{
    public const string Section = "Logging";
    public const string Plain = "Plain";
    public const string Json = "Json";

    /// <summary><c>Plain</c> (one readable line per entry, the default) or <c>Json</c> (one JSON object per line, for log collectors).</summary>
    public string Format { get; set; } = Plain;
}
