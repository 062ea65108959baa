using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Incoming;
using Cl37.Bot.Platforms.Discord.Outgoing;
using Cl37.Bot.Platforms.Discord.Rendering;
using Cl37.Bot.Platforms.Discord.Wire;
using Cl37.Bot.Tests.Fakes;

namespace Cl37.Bot.Tests.Platforms.Discord;

public sealed class DiscordInteractionHandlerTests : IAsyncLifetime
{
    private readonly ArmedTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private FakeDiscordServer _fake = null!;
    private DiscordTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _host = await DiscordTestHost.CreateAsync(_fake, _time, start: true);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private DiscordInteractionHandler Handler => _host.Get<DiscordInteractionHandler>();

    [Fact]
    public async Task HandleAsync_SlashCommandWithGroup_DispatchesScheduleSet()
    {
        _host.Handlers["quiz"].Reply = OutgoingMessage.PrivateText("Scheduled.");

        var outcome = await Handler.HandleAsync(DiscordGoldenSampleTests.Interaction("interaction_create_command_group.json"), default);

        var command = Assert.Single(_host.Handlers["quiz"].Received);
        Assert.Equal("schedule set", command.SubCommand);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, outcome.Initial.Type);
        Assert.Equal("Scheduled.", outcome.Initial.Data!.Content);
        Assert.Equal(MessageFlags.Ephemeral, outcome.Initial.Data.Flags);
        Assert.Null(outcome.Deferred);
    }

    [Fact]
    public async Task HandleAsync_AdminCommandFromNonAdmin_IsRefusedServerSide()
    {
        var sample = DiscordGoldenSampleTests.Interaction("interaction_create_command_group.json");
        var interaction = WithPermissions(sample, "1024");

        var outcome = await Handler.HandleAsync(interaction, default);

        Assert.Empty(_host.Handlers["quiz"].Received);
        Assert.Contains("Only admins", outcome.Initial.Data!.Content, StringComparison.Ordinal);
        Assert.Equal(MessageFlags.Ephemeral, outcome.Initial.Data.Flags);
    }

    [Fact]
    public async Task HandleAsync_AnswerButton_AnswersThroughTheDispatcherEphemerally()
    {
        var outcome = await Handler.HandleAsync(DiscordGoldenSampleTests.Interaction("interaction_create_button.json"), default);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, outcome.Initial.Type);
        Assert.Equal(MessageFlags.Ephemeral, outcome.Initial.Data!.Flags);
        Assert.Contains("can't find that question", outcome.Initial.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_FreeTextAnswerButton_OpensTheModal()
    {
        var interaction = WithCustomId(DiscordGoldenSampleTests.Interaction("interaction_create_button.json"), DiscordCustomIds.OpenModal(77));

        var outcome = await Handler.HandleAsync(interaction, default);

        Assert.Equal(InteractionCallbackType.Modal, outcome.Initial.Type);
        Assert.Equal("t:77", outcome.Initial.Data!.CustomId);
        var label = Assert.Single(outcome.Initial.Data.Components!);
        Assert.Equal(ComponentType.Label, label.Type);
        Assert.Equal(DiscordCustomIds.AnswerInput, label.Child!.CustomId);
        Assert.True(outcome.Initial.Data.Title!.Length <= 45);
    }

    [Fact]
    public async Task HandleAsync_UnknownCustomId_SaysTheControlIsInactive()
    {
        var interaction = WithCustomId(DiscordGoldenSampleTests.Interaction("interaction_create_button.json"), "something-else");

        var outcome = await Handler.HandleAsync(interaction, default);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, outcome.Initial.Type);
        Assert.Equal(MessageFlags.Ephemeral, outcome.Initial.Data!.Flags);
        Assert.Contains("no longer active", outcome.Initial.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_SlowCommand_DefersThenEditsTheOriginalResponse()
    {
        var gate = new TaskCompletionSource();
        _host.Handlers["quiz"].Gate = gate.Task;
        _host.Handlers["quiz"].Reply = OutgoingMessage.PrivateText("Finally done.");
        var interaction = DiscordGoldenSampleTests.Interaction("interaction_create_command_group.json");

        var handling = Handler.HandleAsync(interaction, default);
        await PassTheDeadlineAsync();
        var outcome = await handling;

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, outcome.Initial.Type);
        Assert.Equal(MessageFlags.Ephemeral, outcome.Initial.Data!.Flags);
        Assert.NotNull(outcome.Deferred);
        gate.SetResult();
        await Handler.CompleteDeferredAsync(interaction, outcome.Deferred!, default);
        var edit = Assert.Single(_fake.RequestsTo("PATCH", "webhooks/"));
        Assert.Equal("webhooks/1100000000000000001/A_UNIQUE_TOKEN_2/messages/@original", edit.Path);
        Assert.Equal("Finally done.", edit.Json.GetProperty("content").GetString());
        Assert.Null(edit.Authorization);
    }

    [Fact]
    public async Task HandleAsync_SlowPublicCommand_EditsThenPostsAFollowup()
    {
        var gate = new TaskCompletionSource();
        _host.Handlers["quiz"].Gate = gate.Task;
        _host.Handlers["quiz"].Reply = OutgoingMessage.PublicText("Posted for everyone.");
        var interaction = DiscordGoldenSampleTests.Interaction("interaction_create_command_group.json");

        var handling = Handler.HandleAsync(interaction, default);
        await PassTheDeadlineAsync();
        var outcome = await handling;
        gate.SetResult();
        await Handler.CompleteDeferredAsync(interaction, outcome.Deferred!, default);

        var followup = Assert.Single(_fake.RequestsTo("POST", "webhooks/"));
        Assert.Equal("Posted for everyone.", followup.Json.GetProperty("content").GetString());
        Assert.False(followup.Json.TryGetProperty("flags", out _));
    }

    [Fact]
    public async Task CompleteDeferredAsync_EditRefusedByDiscord_TellsThePersonInsteadOfLeavingThemWaiting()
    {
        var gate = new TaskCompletionSource();
        _host.Handlers["quiz"].Gate = gate.Task;
        _host.Handlers["quiz"].Reply = OutgoingMessage.PrivateText("Finally done.");
        _fake.Responder = FakeDiscordResponse.Once(new FakeDiscordResponse(400, """{"message":"Invalid Form Body","code":50035}"""), r => r.Method == "PATCH");
        var interaction = DiscordGoldenSampleTests.Interaction("interaction_create_command_group.json");

        var handling = Handler.HandleAsync(interaction, default);
        await PassTheDeadlineAsync();
        var outcome = await handling;
        gate.SetResult();
        await Handler.FinishAsync(interaction, outcome, default);

        var edits = _fake.RequestsTo("PATCH", "webhooks/");
        Assert.Equal(2, edits.Count);
        Assert.Equal("Discord would not show my reply here, sorry. Nothing was lost; please try again in a moment.", edits[1].Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task HandleAsync_ReplyLongerThan2000Characters_SendsTheRestAsEphemeralFollowups()
    {
        var text = string.Join("\n", Enumerable.Range(0, 300).Select(i => $"Line {i} of a long formula sheet."));
        _host.Handlers["quiz"].Reply = OutgoingMessage.PrivateText(text);
        var interaction = DiscordGoldenSampleTests.Interaction("interaction_create_command_group.json");

        var outcome = await Handler.HandleAsync(interaction, default);
        await Handler.FinishAsync(interaction, outcome, default);

        Assert.True(outcome.Initial.Data!.Content!.Length <= 2000);
        var followups = _fake.RequestsTo("POST", "webhooks/");
        Assert.Equal(outcome.Followups.Count, followups.Count);
        Assert.NotEmpty(followups);
        Assert.All(followups, f => Assert.Equal(64, f.Json.GetProperty("flags").GetInt32()));
        var parts = followups.Select(f => f.Json.GetProperty("content").GetString()!).Prepend(outcome.Initial.Data.Content).ToList();
        Assert.Equal(text, string.Join("\n", parts.Select(p => p[..p.LastIndexOf("\n-# ", StringComparison.Ordinal)])));
    }

    [Fact]
    public async Task FinishAsync_LaterPartRefused_SaysWhichPartsAreMissing()
    {
        var text = string.Join("\n", Enumerable.Range(0, 300).Select(i => $"Line {i} of a long formula sheet."));
        _host.Handlers["quiz"].Reply = OutgoingMessage.PrivateText(text);
        var interaction = DiscordGoldenSampleTests.Interaction("interaction_create_command_group.json");
        var posts = 0;
        _fake.Responder = r => r.Method == "POST" && r.Path.StartsWith("webhooks/", StringComparison.Ordinal) && ++posts == 3
            ? new FakeDiscordResponse(400, """{"message":"Invalid Form Body","code":50035}""")
            : null;

        var outcome = await Handler.HandleAsync(interaction, default);
        await Handler.FinishAsync(interaction, outcome, default);

        Assert.EndsWith("\n-# 1/6", outcome.Initial.Data!.Content, StringComparison.Ordinal);
        var followups = _fake.RequestsTo("POST", "webhooks/").Select(f => f.Json).ToList();
        Assert.Equal(4, followups.Count);
        Assert.EndsWith("\n-# 2/6", followups[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("\n-# 3/6", followups[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("⚠️ The rest of this reply (parts 4–6 of 6) could not be sent. Run the command again to see it all.", followups[3].GetProperty("content").GetString());
        Assert.Equal(64, followups[3].GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task PostAsync_LaterPartRefused_EndsWithALineSayingTheRestIsMissing()
    {
        var platform = _host.Get<IEnumerable<IChatPlatform>>().Single(p => p.Name == "discord");
        var text = string.Join("\n", Enumerable.Range(0, 300).Select(i => $"Line {i} of a long formula sheet."));
        var creates = 0;
        _fake.Responder = r => r.Method == "POST" && r.Path.StartsWith("channels/", StringComparison.Ordinal) && ++creates == 2
            ? new FakeDiscordResponse(400, """{"message":"Invalid Form Body","code":50035}""")
            : null;

        await Assert.ThrowsAsync<DiscordRestException>(() =>
            platform.PostAsync(new ChannelRef("discord", "290926798626357999", "645027906669510667"), OutgoingMessage.PublicText(text), default));

        var posts = _fake.RequestsTo("POST", "channels/").Select(p => p.Json.GetProperty("content").GetString()).ToList();
        Assert.Equal(3, posts.Count);
        Assert.EndsWith("\n-# 1/6", posts[0], StringComparison.Ordinal);
        Assert.Equal("⚠️ The rest of the message above (parts 2–6 of 6) could not be sent.", posts[2]);
    }

    [Fact]
    public async Task HandleAsync_AdminCommandFromNonAdmin_NamesManageServerNotASetting()
    {
        var interaction = WithPermissions(DiscordGoldenSampleTests.Interaction("interaction_create_command_group.json"), "1024");

        var outcome = await Handler.HandleAsync(interaction, default);

        Assert.Contains("Manage Server", outcome.Initial.Data!.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Quiz:Admins", outcome.Initial.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ModalSubmitWithBlankText_AsksForAnAnswer()
    {
        var raw = File.ReadAllText(Path.Combine("Samples", "discord", "interaction_create_modal.json")).Replace("\" 3.14 \"", "\"  \"", StringComparison.Ordinal);
        var interaction = JsonDocument.Parse(raw).RootElement.GetProperty("d").Deserialize(DiscordJsonContext.Default.Interaction)!;

        var outcome = await Handler.HandleAsync(interaction, default);

        Assert.Contains("Type an answer", outcome.Initial.Data!.Content, StringComparison.Ordinal);
    }

    /// <summary>Moves the clock past the deferral deadline once the handler is waiting on it.</summary>
    private async Task PassTheDeadlineAsync()
    {
        var deadline = TimeSpan.FromSeconds(_host.Get<Microsoft.Extensions.Options.IOptions<Cl37.Bot.Platforms.Discord.Kernel.DiscordOptions>>().Value.DeferAfterSeconds);
        await _time.WhenArmedAsync(deadline);
        _time.Advance(deadline);
    }

    private static Interaction WithCustomId(Interaction i, string customId) => Clone(i, json => json.Replace("\"a:42:B\"", $"\"{customId}\"", StringComparison.Ordinal));

    private static Interaction WithPermissions(Interaction i, string permissions) => Clone(i, json => json.Replace("\"permissions\":\"32\"", $"\"permissions\":\"{permissions}\"", StringComparison.Ordinal));

    private static Interaction Clone(Interaction i, Func<string, string> edit) =>
        JsonSerializer.Deserialize(edit(JsonSerializer.Serialize(i, DiscordJsonContext.Default.Interaction)), DiscordJsonContext.Default.Interaction)!;
}
