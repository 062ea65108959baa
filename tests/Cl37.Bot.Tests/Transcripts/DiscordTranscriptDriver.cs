using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Platforms.Discord.Rendering;
using Cl37.Bot.Platforms.Discord.Wire;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Platforms.Discord;
using NSec.Cryptography;

namespace Cl37.Bot.Tests.Transcripts;

/// <summary>Plays the scenario on Discord as production runs it in HTTP interactions mode: signed
/// interactions into <c>/discord/interactions</c>, the app's REST calls into the fake Discord. The
/// transcript holds each interaction response (the HTTP body) and each REST call with a body, in order.</summary>
internal sealed class DiscordTranscriptDriver() : AdapterContract("discord")
{
    private const string Guild = "290926798626357999";
    private const string Channel = "645027906669510667";
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly List<JsonObject> _questions = [];
    private readonly Dictionary<string, int> _stepOfToken = new(StringComparer.Ordinal);
    private FakeDiscordServer _fake = null!;
    private long _nextInteraction = 1300000000000000000;
    private int _seen;

    protected override async Task<Dictionary<string, string?>> StartCounterpartAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordTestHost.Token,
            ["Discord:ApplicationId"] = DiscordTestHost.ApplicationId,
            ["Discord:ApiBaseUrl"] = _fake.ApiBaseUrl,
            ["Discord:RegisterCommands"] = "false",
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        };
    }

    protected override Task SetUpAsync()
    {
        _seen = _fake.Requests.Count;
        return Task.CompletedTask;
    }

    protected override async Task CommandAsync(int step, TranscriptStep.Command command)
    {
        var parsed = CommandTextParser.Parse(CommandRegistrations.Catalog(), command.Text, new ChannelRef("discord", Guild, Channel), new ChatUser("x", "x", false));
        var chat = parsed.Command ?? throw new InvalidOperationException($"The scenario's command `{command.Text}` does not parse: {parsed.Error}");
        var definition = CommandRegistrations.Catalog().Find(chat.Name)!;
        var optionDefinitions = chat.SubCommand is null ? definition.Options : definition.FindSubCommand(chat.SubCommand)!.Options;
        var options = new JsonArray();
        // Discord sends options in the order the command declares them, typed.
        JsonObject? resolved = null;
        foreach (var option in optionDefinitions)
        {
            // The picked file: its attachment id in the option, the file itself in data.resolved.attachments, served by the CDN.
            if (option.Kind == OptionKind.File && command.File is { } file)
            {
                const string attachmentId = "1311111111111111111";
                var url = _fake.AttachmentUrl($"{DiscordTestHost.ApplicationId}/{attachmentId}/{file.Name}", file.Bytes);
                options.Add(new JsonObject { ["type"] = 11, ["name"] = option.Name, ["value"] = attachmentId });
                resolved = new JsonObject
                {
                    ["attachments"] = new JsonObject
                    {
                        [attachmentId] = new JsonObject
                        {
                            ["id"] = attachmentId, ["filename"] = file.Name, ["size"] = file.Bytes.Length,
                            ["content_type"] = "text/plain; charset=utf-8", ["url"] = url, ["proxy_url"] = url,
                        },
                    },
                };
                continue;
            }
            if (!chat.Arguments.TryGetValue(option.Name, out var value))
                continue;
            var numeric = option.Kind is OptionKind.Number or OptionKind.Integer;
            options.Add(new JsonObject
            {
                ["type"] = option.Kind switch { OptionKind.Integer => 4, OptionKind.Number => 10, OptionKind.Boolean => 5, _ => 3 },
                ["name"] = option.Name,
                ["value"] = numeric ? JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture)) : option.Kind == OptionKind.Boolean ? JsonValue.Create(value == "true") : JsonValue.Create(value),
            });
        }
        var top = options;
        if (chat.SubCommand is { } sub)
        {
            var parts = sub.Split(' ');
            JsonNode inner = new JsonObject { ["type"] = 1, ["name"] = parts[^1], ["options"] = options };
            if (parts.Length == 2)
                inner = new JsonObject { ["type"] = 2, ["name"] = parts[0], ["options"] = new JsonArray(inner) };
            top = new JsonArray(inner);
        }
        var data = new JsonObject { ["id"] = "1", ["name"] = chat.Name, ["type"] = 1, ["options"] = top };
        if (resolved is not null)
            data["resolved"] = resolved;
        await InteractAsync(step, 2, command.Person, data);
        // The question of a /quiz now is the last message created with components.
        foreach (var entry in Entries.Where(e => e.Step == step))
        {
            if (entry.Payload == $"POST channels/{Channel}/messages" && entry.Body?["components"] is JsonArray { Count: > 0 })
            {
                if (_questions.Count == 0 || !ReferenceEquals(_questions[^1], entry.Body))
                    _questions.Add((JsonObject)entry.Body);
            }
        }
    }

    protected override async Task AnswerAsync(int step, TranscriptStep.Answer answer)
    {
        var question = _questions[answer.Question - 1];
        var control = question["components"]![0]!["components"]![0]!;
        var customId = control["custom_id"]!.GetValue<string>();
        var postId = customId.Split(':')[1];
        switch (customId[0])
        {
            case 'a':
                await InteractAsync(step, 3, answer.Person, new JsonObject { ["component_type"] = 2, ["custom_id"] = $"a:{postId}:{answer.Values[0]}" });
                break;
            case 's':
                await InteractAsync(step, 3, answer.Person, new JsonObject { ["component_type"] = 3, ["custom_id"] = customId, ["values"] = new JsonArray([.. answer.Values.Select(v => (JsonNode)v)]) });
                break;
            default:
                // A typed answer: the button opens a modal, its submission carries the text.
                await InteractAsync(step, 3, answer.Person, new JsonObject { ["component_type"] = 2, ["custom_id"] = customId });
                await InteractAsync(step, 5, answer.Person, new JsonObject
                {
                    ["custom_id"] = $"t:{postId}",
                    ["components"] = new JsonArray(new JsonObject
                    {
                        ["type"] = 18,
                        ["id"] = 1,
                        ["component"] = new JsonObject { ["type"] = 4, ["id"] = 2, ["custom_id"] = DiscordCustomIds.AnswerInput, ["value"] = answer.Values[0] },
                    }),
                });
                break;
        }
    }

    protected override Task TalliesSentAsync(int step)
    {
        TakeRestCalls(step);
        return Task.CompletedTask;
    }

    private async Task InteractAsync(int step, int type, string person, JsonNode data)
    {
        var id = Interlocked.Increment(ref _nextInteraction).ToString(CultureInfo.InvariantCulture);
        var token = "tok" + id;
        _stepOfToken[token] = step;
        var body = new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["application_id"] = DiscordTestHost.ApplicationId,
            ["token"] = token,
            ["version"] = 1,
            ["guild_id"] = Guild,
            ["channel_id"] = Channel,
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = UserId(person), ["username"] = person.ToLowerInvariant(), ["discriminator"] = "0" },
                ["roles"] = new JsonArray(),
                ["permissions"] = person == TranscriptScenario.Admin ? "32" : "0",
                ["nick"] = person,
            },
            ["data"] = data,
        }.ToJsonString();
        var timestamp = App.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body))));
        using var response = await Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Step {step}: the interactions endpoint answered {(int)response.StatusCode}.");
        // Calls made while handling come before the response; this step's follow-ups go out only
        // once the response is written, however soon the fake sees them.
        TakeRestCalls(step, stopAtFollowupOf: step);
        var json = await response.Content.ReadAsStringAsync();
        var callback = JsonNode.Parse(json)!;
        var flags = callback["data"]?["flags"]?.GetValue<int>() ?? 0;
        // A modal and an ephemeral response are shown to the person who acted only.
        var isPublic = callback["type"]!.GetValue<int>() != (int)InteractionCallbackType.Modal && (flags & (int)MessageFlags.Ephemeral) == 0;
        Record(step, "interaction response", isPublic, callback);
        TakeRestCalls(step);
    }

    private void TakeRestCalls(int step, int? stopAtFollowupOf = null)
    {
        var requests = _fake.Requests.ToArray();
        for (; _seen < requests.Length; _seen++)
        {
            var r = requests[_seen];
            var owner = r.Path.StartsWith("webhooks/", StringComparison.Ordinal) ? _stepOfToken.GetValueOrDefault(r.Path.Split('/')[2], step) : step;
            if (stopAtFollowupOf == owner && r.Path.StartsWith("webhooks/", StringComparison.Ordinal))
                return;
            var body = r.Body.Length == 0 ? null : JsonNode.Parse(r.Body);
            // A multipart call is recorded as its payload_json with its files[n] parts beside it.
            if (r.Files.Count > 0 && body is JsonObject multipart)
            {
                multipart["(multipart files)"] = new JsonArray([.. r.Files.Select(f => (JsonNode)new JsonObject
                {
                    ["field"] = f.Field,
                    ["filename"] = f.FileName,
                    ["content_type"] = f.ContentType,
                    ["content"] = f.Text,
                })]);
            }
            var flags = body?["flags"]?.GetValue<int>() ?? 0;
            // An edit of the deferred response keeps the deferral's ephemeral flag.
            var isPublic = (flags & (int)MessageFlags.Ephemeral) == 0 && !r.Path.EndsWith("/messages/@original", StringComparison.Ordinal);
            Record(owner, $"{r.Method} {r.Path}", isPublic, body);
        }
    }

    /// <summary>Follow-ups go out after the response is written; each is filed under the step
    /// whose interaction token it carries, however late it arrives.</summary>
    protected override async Task SettledAsync()
    {
        var quietSince = DateTime.UtcNow;
        var count = _fake.Requests.Count;
        while (DateTime.UtcNow - quietSince < TimeSpan.FromMilliseconds(300))
        {
            await Task.Delay(20);
            if (_fake.Requests.Count != count)
            {
                count = _fake.Requests.Count;
                quietSince = DateTime.UtcNow;
            }
        }
        TakeRestCalls(TranscriptScenario.Steps.Count);
    }

    private static string UserId(string person) =>
        (803511102246700000L + TranscriptScenario.People.ToList().IndexOf(person) + 1).ToString(CultureInfo.InvariantCulture);

    protected override async ValueTask StopCounterpartAsync()
    {
        if (_fake is not null)
            await _fake.DisposeAsync();
        _key.Dispose();
    }
}
