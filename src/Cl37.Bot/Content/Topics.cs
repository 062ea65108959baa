namespace Cl37.Bot.Content;

/// <summary>The topics questions and revision notes are grouped by, derived from keywords.</summary>
public static class Topics
{
    public const string Fallback = "deployment";

    // Order matters: the first topic with a keyword in the text wins (an HPA question is about
    // Kubernetes before it is about scaling).
    private static readonly (string Topic, string[] Keywords)[] Table =
    [
        ("cold start", ["cold start"]),
        ("load balancing", ["load balanc"]),
        ("onnx", ["onnx"]),
        ("kubernetes", ["kubernetes", "k8s", "pod", "hpa"]),
        ("docker", ["docker", "container"]),
        ("monitoring", ["monitor", "prometheus", "grafana", "metrics"]),
        ("versioning", ["version", "mlflow", "blue-green"]),
        ("scaling", ["scaling", "scale", "server instances", "requests per second", "rps"]),
        ("flask", ["flask", "http", "rest api", "route", "endpoint", "post method", "get method"]),
        ("serialization", ["serializ", "pickle", "joblib", "state_dict", "storable", "saved", "saving"]),
        ("neural networks", ["neuron", "layer", "weight parameters"]),
    ];

    /// <summary>Every topic name, in table order, then the fallback.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Table.Select(t => t.Topic), Fallback];

    /// <summary>The first topic whose keyword occurs in the text, or <see cref="Fallback"/>.</summary>
    public static string Classify(string text)
    {
        foreach (var (topic, keywords) in Table)
        {
            if (keywords.Any(k => Mentions(text, k)))
                return topic;
        }
        return Fallback;
    }

    /// <summary>True when the text mentions the topic or one of its keywords.</summary>
    public static bool Mentions(string text, string topicOrKeyword)
    {
        var keywords = Table.FirstOrDefault(t => t.Topic == topicOrKeyword).Keywords ?? [topicOrKeyword];
        foreach (var k in keywords.Append(topicOrKeyword))
        {
            for (var at = text.IndexOf(k, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(k, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                // Keywords match at a word start ("pod" in "Pods", not in "tripod").
                if (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
                    return true;
            }
        }
        return false;
    }

    /// <summary>The topic a person typed (case-insensitive, a keyword works too), or null.</summary>
    public static string? Find(string typed)
    {
        var t = typed.Trim().ToLowerInvariant();
        if (t.Length == 0)
            return null;
        foreach (var topic in All)
        {
            if (topic == t || topic.Replace(" ", "", StringComparison.Ordinal) == t.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal))
                return topic;
        }
        foreach (var (topic, keywords) in Table)
        {
            if (keywords.Any(k => t.StartsWith(k, StringComparison.Ordinal) || k.StartsWith(t, StringComparison.Ordinal) && t.Length >= 3))
                return topic;
        }
        return null;
    }
}
