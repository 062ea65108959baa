using System.Text;

namespace Cl37.Bot.Platforms.Playground.Outgoing;

/// <summary>One server-sent event, encoded once and written as is to every stream that gets it.</summary>
internal sealed record PlaygroundFrame(string EventType, byte[] Bytes)
{
    /// <summary>A frame around JSON, which never holds a raw line break, so one <c>data:</c> line carries it.</summary>
    public static PlaygroundFrame Of(string eventType, ReadOnlySpan<byte> json)
    {
        var head = Encoding.UTF8.GetBytes($"event: {eventType}\ndata: ");
        var bytes = new byte[head.Length + json.Length + 2];
        head.CopyTo(bytes, 0);
        json.CopyTo(bytes.AsSpan(head.Length));
        bytes[^2] = (byte)'\n';
        bytes[^1] = (byte)'\n';
        return new PlaygroundFrame(eventType, bytes);
    }

    /// <summary>The JSON the frame carries.</summary>
    public string Data
    {
        get
        {
            var text = Encoding.UTF8.GetString(Bytes);
            var start = text.IndexOf("\ndata: ", StringComparison.Ordinal) + "\ndata: ".Length;
            return text[start..^2];
        }
    }
}
