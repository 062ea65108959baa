using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>One way of breaking a real wire sample: a value swapped for a hostile one, a property
/// dropped, the body cut short, a value replaced by JSON nested thousands deep, or raw garbage.</summary>
public sealed record JsonMutation(int Sample, int Kind, int Target, int ValueKind, string Text, int Depth, double Cut)
{
    private static readonly string[] HostileStrings =
    [
        "", " ", "@everyone", "<@&123456789012345678>", "<@123>", "\u202Eevil", "\u0000\u0001\u001b[2J", "🙂🙂🙂",
        "9223372036854775808", "-1", "1e400", "NaN", "null", "{\"a\":1}", "<script>alert(1)</script>", "'; DROP TABLE Answers;--",
    ];

    public static Gen<JsonMutation> Gen(int samples) =>
        CsCheck.Gen.Select(
            CsCheck.Gen.Int[0, samples - 1],
            CsCheck.Gen.Int[0, 5],
            CsCheck.Gen.Int[0, 400],
            CsCheck.Gen.Int[0, 11],
            CsCheck.Gen.String[0, 40],
            CsCheck.Gen.Int[100, 5000],
            CsCheck.Gen.Double[0, 1],
            (s, k, t, v, text, d, c) => new JsonMutation(s, k, t, v, text, d, c));

    public string Apply(IReadOnlyList<string> samples)
    {
        var sample = samples[Sample];
        switch (Kind)
        {
            case 4:
                return sample[..(int)(sample.Length * Cut)];
            case 5:
                return Text;
        }
        var root = JsonNode.Parse(sample)!;
        var slots = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0)
            return sample;
        var (parent, key, index) = slots[Target % slots.Count];
        const string deep = "\"__deep__\"";
        JsonNode? value = Kind == 3 ? JsonValue.Create("__deep__") : Value();
        if (Kind == 1)
        {
            if (key is not null)
                parent.AsObject().Remove(key);
            else
                parent.AsArray().RemoveAt(index);
            return root.ToJsonString();
        }
        if (key is not null)
            parent[key] = value;
        else
            parent[index] = value;
        var json = root.ToJsonString();
        return Kind == 3 ? json.Replace(deep, new string('[', Depth) + new string(']', Depth), StringComparison.Ordinal) : json;
    }

    private JsonNode? Value() => ValueKind switch
    {
        0 => null,
        1 => JsonValue.Create(true),
        2 => JsonValue.Create(long.MaxValue),
        3 => JsonValue.Create(-0.5),
        4 => new JsonObject(),
        5 => new JsonArray(),
        6 => JsonValue.Create(new string('x', 200_000)),
        7 => new JsonArray(JsonValue.Create(Text), JsonValue.Create(1)),
        8 => new JsonObject { ["id"] = Text, ["name"] = Text },
        _ => JsonValue.Create(HostileStrings[Text.Length % HostileStrings.Length] + Text),
    };

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (k, child) in obj.ToList())
            {
                slots.Add((obj, k, 0));
                if (child is not null)
                    Collect(child, slots);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, null, i));
                if (array[i] is { } child)
                    Collect(child, slots);
            }
        }
    }

    public override string ToString() => $"{Kind}/{Sample}/{Target}/{ValueKind}/{Depth}/{Cut:0.00}/{Encoding.UTF8.GetByteCount(Text)}b";
}
