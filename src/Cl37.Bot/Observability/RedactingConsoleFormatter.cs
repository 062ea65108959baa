using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Observability;

/// <summary>The only console formatter: plain lines or JSON lines (<c>Logging:Format</c>), with every
/// message, exception and structured value passed through <see cref="SecretRedactor"/>.</summary>
internal sealed class RedactingConsoleFormatter(SecretRedactor redactor, IOptionsMonitor<LogOutputOptions> options, TimeProvider time)
    : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "cl37";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
            return;
        message = redactor.Redact(message ?? "");
        var exception = logEntry.Exception is null ? null : redactor.Redact(logEntry.Exception.ToString());
        var timestamp = time.GetUtcNow();
        if (string.Equals(options.CurrentValue.Format, LogOutputOptions.Json, StringComparison.OrdinalIgnoreCase))
            WriteJson(logEntry, message, exception, timestamp, scopeProvider, textWriter);
        else
            WritePlain(logEntry, message, exception, timestamp, textWriter);
    }

    private static void WritePlain<TState>(in LogEntry<TState> entry, string message, string? exception, DateTimeOffset timestamp, TextWriter writer)
    {
        var sb = new StringBuilder(message.Length + 96);
        sb.Append(timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)).Append(' ')
          .Append(Level(entry.LogLevel)).Append(' ')
          .Append(entry.Category).Append(": ")
          .Append(message.ReplaceLineEndings(" "));
        if (exception is not null)
            sb.AppendLine().Append(exception);
        writer.WriteLine(sb.ToString());
    }

    private void WriteJson<TState>(in LogEntry<TState> entry, string message, string? exception, DateTimeOffset timestamp, IExternalScopeProvider? scopes, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("level", entry.LogLevel.ToString());
            json.WriteString("category", entry.Category);
            if (entry.EventId.Id != 0 || entry.EventId.Name is not null)
            {
                json.WriteNumber("eventId", entry.EventId.Id);
                if (entry.EventId.Name is not null)
                    json.WriteString("eventName", entry.EventId.Name);
            }
            json.WriteString("message", message);
            if (exception is not null)
                json.WriteString("exception", exception);
            if (entry.State is IReadOnlyList<KeyValuePair<string, object?>> properties)
            {
                json.WriteStartObject("state");
                foreach (var (key, value) in properties)
                    WriteValue(json, key, value);
                json.WriteEndObject();
            }
            if (scopes is not null)
            {
                var scopeValues = new List<KeyValuePair<string, object?>>();
                scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        list.AddRange(pairs);
                    else if (scope is not null)
                        list.Add(new("scope", scope));
                }, scopeValues);
                if (scopeValues.Count > 0)
                {
                    json.WriteStartObject("scopes");
                    foreach (var (key, value) in scopeValues.DistinctBy(p => p.Key))
                        WriteValue(json, key, value);
                    json.WriteEndObject();
                }
            }
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        if (key == "{OriginalFormat}")
        {
            json.WriteString(key, value?.ToString());
            return;
        }
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ulong or ushort:
                json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(key, SecretRedactor.IsSecretName(key)
                    ? SecretRedactor.Mask
                    : redactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
