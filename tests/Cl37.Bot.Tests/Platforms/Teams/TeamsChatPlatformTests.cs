using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Outgoing;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Cl37.Bot.Tests.Platforms.Teams;

public sealed class TeamsChatPlatformTests
{
    private static readonly ChannelRef Channel = new("teams", "19:team@thread.tacv2", "19:general@thread.tacv2");
    private readonly TeamsTestKit _kit = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));

    private Task Install() => _kit.Store.SaveAsync(Channel, new TeamsConversationReference
    {
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ConversationId = "19:general@thread.tacv2",
        BotId = "28:bot",
        BotName = "Quiz Bot",
        TenantId = "tenant-1",
    }, default);

    [Fact]
    public async Task PostAsync_Installed_SendsProactivelyToTheStoredConversation()
    {
        await Install();

        var id = await _kit.Platform().PostAsync(Channel, OutgoingMessage.PublicText("Daily question at 09:00"), default);

        Assert.Equal("activity-1", id);
        var request = Assert.Single(_kit.Http.Requests);
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/19%3Ageneral%40thread.tacv2/activities", request.Url);
        Assert.Equal("""{"type":"message","from":{"id":"28:bot","name":"Quiz Bot"},"conversation":{"id":"19:general@thread.tacv2"},"text":"Daily question at 09:00","textFormat":"markdown"}""", request.Body);
    }

    [Fact]
    public async Task UpdateAsync_Installed_PutsTheActivity()
    {
        await Install();

        await _kit.Platform().UpdateAsync(Channel, "1700", OutgoingMessage.PublicText("3 answered"), default);

        var request = Assert.Single(_kit.Http.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.EndsWith("/activities/1700", request.Url, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"1700\"", request.Body);
    }

    [Fact]
    public async Task PostAsync_NotInstalled_ThrowsNamingTheConversation()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _kit.Platform().PostAsync(Channel, OutgoingMessage.PublicText("x"), default));
        Assert.Contains("19:general@thread.tacv2", ex.Message);
        Assert.Empty(_kit.Http.Requests);
    }

    [Fact]
    public async Task PostAsync_TwiceToOneChannel_ReadsTheStoredReferenceOnce()
    {
        await Install();
        var platform = _kit.Platform();

        await platform.PostAsync(Channel, OutgoingMessage.PublicText("one"), default);
        await platform.UpdateAsync(Channel, "1700", OutgoingMessage.PublicText("two"), default);

        Assert.Equal(1, _kit.Store.Finds);
        Assert.Equal(2, _kit.Http.Requests.Count);
    }

    [Fact]
    public async Task PostAsync_ConversationGone_ReadsTheStoreAgainNextTime()
    {
        await Install();
        var platform = _kit.Platform();
        _kit.Http.Enqueue(System.Net.HttpStatusCode.NotFound, """{"error":{"code":"ConversationNotFound"}}""");

        await Assert.ThrowsAsync<TeamsConnectorException>(() => platform.PostAsync(Channel, OutgoingMessage.PublicText("one"), default));
        await platform.PostAsync(Channel, OutgoingMessage.PublicText("two"), default);

        Assert.Equal(2, _kit.Store.Finds);
    }

    [Fact]
    public void IsCurrent_AnEqualReferenceParsedAgain_IsCurrent()
    {
        var cache = new TeamsReferenceCache();
        var reference = new TeamsConversationReference { ServiceUrl = "https://smba.trafficmanager.net/emea/", ConversationId = "19:general@thread.tacv2", BotId = "28:bot" };
        cache.Remember(Channel, reference);

        Assert.True(cache.IsCurrent(Channel, reference with { }));
        Assert.False(cache.IsCurrent(Channel, reference with { ServiceUrl = "https://smba.trafficmanager.net/amer/" }));
        cache.Forget(Channel);
        Assert.False(cache.IsCurrent(Channel, reference));
    }

    [Fact]
    public void Name_IsTeams() => Assert.Equal("teams", _kit.Platform().Name);
}
