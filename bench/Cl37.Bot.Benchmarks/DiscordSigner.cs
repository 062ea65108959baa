using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;

namespace Cl37.Bot.Benchmarks;

/// <summary>Signed Discord interactions as Discord sends them: Ed25519 over timestamp + body, the
/// timestamp now (the bot refuses one more than 5 minutes off) and every interaction id new (the
/// bot refuses a replay), so each batch is signed just before it is sent.</summary>
internal sealed class DiscordSigner : IDisposable
{
    public const string Admin = "4242";
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private long _ids = 1_000_000;

    public string PublicKeyHex => Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public sealed record Signed(byte[] Body, string Signature, string Timestamp);

    public Signed Sign(string body)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        return new Signed(bytes, Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(ts + body))), ts);
    }

    public long NextId() => Interlocked.Increment(ref _ids);

    /// <summary><paramref name="count"/> signed interactions built by <paramref name="body"/> from a
    /// fresh id each, signed on every core.</summary>
    public Signed[] Batch(int count, Func<long, string> body)
    {
        var first = Interlocked.Add(ref _ids, count) - count;
        var batch = new Signed[count];
        Parallel.For(0, count, i => batch[i] = Sign(body(first + i)));
        return batch;
    }

    public static string Ping(long id) => $$"""{"type":1,"id":"{{id}}","application_id":"1100","token":"p{{id}}","version":1}""";

    public static string Command(long id, string user, string name, string? sub = null, string? trueOption = null)
    {
        var subOptions = trueOption is null ? "" : ",\"options\":[{\"type\":5,\"name\":\"" + trueOption + "\",\"value\":true}]";
        var options = sub is null ? "" : ",\"options\":[{\"type\":1,\"name\":\"" + sub + "\"" + subOptions + "}]";
        return $$$"""{"type":2,"id":"{{{id}}}","application_id":"1100","token":"c{{{id}}}","version":1,"guild_id":"{{{DiscordBenchStub.Guild}}}","channel_id":"{{{DiscordBenchStub.Channel}}}","member":{"user":{"id":"{{{user}}}","username":"u{{{user}}}","discriminator":"0"},"roles":[],"permissions":"0","nick":null},"data":{"id":"77","name":"{{{name}}}","type":1{{{options}}}}}""";
    }

    public static HttpRequestMessage Request(Uri url, Signed signed)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(signed.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", signed.Signature);
        request.Headers.Add("X-Signature-Timestamp", signed.Timestamp);
        return request;
    }

    /// <summary>The first answer control (button or select) anywhere in a message's components.</summary>
    public static JsonElement? FindControl(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("custom_id", out var id) && id.ValueKind == JsonValueKind.String
                && element.TryGetProperty("type", out var type) && type.GetInt32() is 2 or 3)
                return element.Clone();
            foreach (var p in element.EnumerateObject())
            {
                if (FindControl(p.Value) is { } found)
                    return found;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindControl(item) is { } found)
                    return found;
            }
        }
        return null;
    }

    public void Dispose() => _key.Dispose();
}
