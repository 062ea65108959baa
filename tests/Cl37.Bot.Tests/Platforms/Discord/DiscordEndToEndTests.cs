using Cl37.Bot.Tests.Scheduling;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Cl37.Bot.Tests.Platforms.Discord;

/// <summary>The whole app (quiz core, SQLite, the Discord adapter in gateway mode) against the fake
/// Discord: a question is posted over REST, then a burst of clicks arrives over the gateway.</summary>
public sealed class DiscordEndToEndTests(ITestOutputHelper output)
{
    private const string Guild = "290926798626357999";
    private const string Channel = "645027906669510667";

    // How fast each click is answered against Discord's 3 s is the gateway figure in bench/; here every
    // click must be answered once, ephemerally, and stored, however busy the machine is.
    [Fact]
    public async Task Gateway_500ClicksFrom500PeopleAtOnce_Get500EphemeralCallbacksAndStore500Answers()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        await using var app = new QuizApp(settings: new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordTestHost.Token,
            ["Discord:ApplicationId"] = DiscordTestHost.ApplicationId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Discord:RegisterCommands"] = "false",
        });
        _ = app.Services;
        var conn = await fake.NextConnectionAsync(TimeSpan.FromSeconds(30));
        await conn.SendHelloAsync();
        await conn.ReceiveAsync();
        await conn.SendReadyAsync("session-e2e", fake.ResumeUrl);

        var reply = await app.RunAsync("/quiz now", new ChatUser("admin", "Admin", true), new ChannelRef("discord", Guild, Channel));
        var post = Assert.Single(fake.RequestsTo("POST", $"channels/{Channel}/messages"));
        Assert.StartsWith("✅", reply.Text, StringComparison.Ordinal);
        var control = post.Json.GetProperty("components")[0].GetProperty("components")[0];
        // Warm-up: ten earlier clicks (JIT, EF query compilation, HTTP connections), as in a running bot.
        for (var i = 0; i < 10; i++)
            await conn.SendDispatchAsync("INTERACTION_CREATE", Click(1000 + i, control), seq: 600 + i);
        await Eventually.TrueAsync(() => fake.RequestsTo("POST", "interactions/").Count >= 10, "the warm-up clicks' callbacks");
        var warm = fake.Requests.Count;
        var clicks = Enumerable.Range(0, 500).Select(i => Click(i, control)).ToList();

        var handled = new System.Collections.Concurrent.ConcurrentBag<double>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == InboundPipeline.MeterName && instrument.Name == "cl37_inbound_duration")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "platform", Value: "discord" })
                    handled.Add(seconds * 1000);
        });
        listener.Start();
        var sent = new long[clicks.Count];
        var burst = Stopwatch.StartNew();
        for (var i = 0; i < clicks.Count; i++)
        {
            sent[i] = Stopwatch.GetTimestamp();
            await conn.SendDispatchAsync("INTERACTION_CREATE", clicks[i], seq: i + 2);
        }
        var burstSeconds = burst.Elapsed.TotalSeconds;
        await Eventually.TrueAsync(() => fake.Requests.Count - warm >= clicks.Count, "a callback for every click");

        var callbacks = fake.Requests.Skip(warm).Where(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal)).ToList();
        Assert.Equal(500, callbacks.Count);
        var latencies = new List<double>();
        foreach (var callback in callbacks)
        {
            var index = int.Parse(callback.Path.Split('/')[2][3..], CultureInfo.InvariantCulture);
            var latency = Stopwatch.GetElapsedTime(sent[index], callback.ReceivedAt);
            latencies.Add(latency.TotalMilliseconds);
            Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
            Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
            Assert.Contains("Answer recorded", callback.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        }
        await using var db = app.Db();
        var burstUsers = clicks.Select((_, i) => (80351110224670000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(500, await db.Answers.CountAsync(a => db.People.Any(p => p.Id == a.PersonId && burstUsers.Contains(p.ExternalId))));
        latencies.Sort();
        var handling = handled.Order().ToList();
        output.WriteLine($"handler (dispatch → reply ready) p50 {handling[handling.Count / 2]:0} ms, p99 {handling[(int)(handling.Count * 0.99)]:0} ms");
        output.WriteLine($"burst {burstSeconds * 1000:0} ms; click → callback p50 {latencies[249]:0} ms, p99 {latencies[494]:0} ms, max {latencies[^1]:0} ms");
    }

    private static string Click(int i, JsonElement control)
    {
        var user = (80351110224670000L + i).ToString(CultureInfo.InvariantCulture);
        var id = (1200000000000000000L + i).ToString(CultureInfo.InvariantCulture);
        var customId = control.GetProperty("custom_id").GetString();
        // The selector picks the question; each answer control gets its documented interaction.
        var (type, data) = control.GetProperty("type").GetInt32() switch
        {
            3 => (3, $$"""{"component_type":3,"custom_id":"{{customId}}","values":["{{control.GetProperty("options")[0].GetProperty("value").GetString()}}"]}"""),
            _ when customId!.StartsWith("o:", StringComparison.Ordinal) =>
                (5, $$$"""{"custom_id":"t:{{{customId[2..]}}}","components":[{"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"answer","value":"4"}}]}"""),
            _ => (3, $$"""{"component_type":2,"custom_id":"{{customId}}"}"""),
        };
        return $$"""
            {"type":{{type}},"id":"{{id}}","application_id":"1100","token":"tok{{i}}","version":1,
             "guild_id":"{{Guild}}","channel_id":"{{Channel}}",
             "member":{"user":{"id":"{{user}}","username":"student{{i}}","discriminator":"0"},"roles":[],"permissions":"0","nick":null},
             "data":{{data}}}
            """;
    }
}
