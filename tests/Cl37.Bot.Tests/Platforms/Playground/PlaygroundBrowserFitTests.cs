using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cl37.Bot.Tests.Platforms.Playground;

/// <summary>What arrives where the reader can see it: new posts while the private panel is open,
/// wide tables, and exports as downloads, on a laptop and a phone.</summary>
public sealed partial class PlaygroundBrowserTests
{
    private static readonly (BrowserNewContextOptions Options, string Name)[] Screens =
    [
        (new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 } }, "laptop"),
        (new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true }, "phone"),
    ];

    [PlaygroundBrowserFact]
    public async Task Channel_PrivateRepliesShown_FollowsNewPostsAtTheBottomAndCuesThemWhenScrolledUp()
    {
        StartApp();
        using var http = new HttpClient { BaseAddress = _address };
        for (var i = 0; i < 30; i++)
            await PostCommandAsync(http, $"/calc servers {200 + i} 50", "Dee");

        foreach (var (options, name) in Screens)
        {
            var errors = new List<string>();
            var page = await OpenAsync(options, errors);
            await ActAsAsync(page, "Tutor", admin: true);

            // Private replies open the panel under the channel; the channel keeps its newest post in view.
            await SendAsync(page, "/stats");
            await SendAsync(page, "/help");
            await Expect(page.Locator("#private-messages > li")).ToHaveCountAsync(2);
            await SendAsync(page, "/leaderboard");
            var board = page.Locator("ol#messages > li").Last;
            await Expect(board).ToContainTextAsync("Leaderboard");
            await AssertNewestPostInViewAsync(page, $"the admin's own /leaderboard ({name})");
            await PostCommandAsync(http, "/calc servers 999 50", "Dee");
            await Expect(page.Locator("ol#messages > li").Last).ToContainTextAsync("999");
            await AssertNewestPostInViewAsync(page, $"a post by someone else ({name})");
            await Expect(page.Locator("#new-messages")).ToBeHiddenAsync();

            // Scrolled up to read: the channel stays put and a cue says what arrived below.
            await page.Locator("#messages").EvaluateAsync("l => l.scrollTop = 0");
            await PostCommandAsync(http, "/calc servers 777 50", "Dee");
            await PostCommandAsync(http, "/calc servers 778 50", "Dee");
            var cue = page.Locator("#new-messages");
            await Expect(cue).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(New message|2 new messages) ↓$"));
            await Expect(cue).ToBeInViewportAsync();
            Assert.Equal(0, await page.Locator("#messages").EvaluateAsync<double>("l => l.scrollTop"));
            await ScreenshotAsync(page, $"15-new-messages-cue-{name}");
            await cue.ClickAsync();
            await Expect(cue).ToBeHiddenAsync();
            await AssertNewestPostInViewAsync(page, $"after the cue ({name})");
            Assert.Empty(errors);
        }
    }

    [PlaygroundBrowserFact]
    public async Task Tables_StatsLeaderboardAndAnalysis_FitOrSayTheyScroll_CsvIsADownload()
    {
        // A long prompt makes /stats' "weakest questions" row as wide as it gets.
        var deck = Fakes.TestDeck.Deck();
        var wordy = deck.Questions[0] with { Prompt = "Which serialization format should a model server use to send large tensors between services with the least overhead?" };
        StartApp(new Content.DeckLibrary([deck with { Questions = [wordy] }], []));
        using var http = new HttpClient { BaseAddress = _address };
        await PostCommandAsync(http, "/quiz now", "Tutor", admin: true);

        foreach (var (options, name) in Screens)
        {
            var errors = new List<string>();
            var page = await OpenAsync(options, errors);
            await ActAsAsync(page, name == "laptop" ? "Ann Longname-Example" : "Ben Longname-Example");
            await page.Locator("article.question button.choice[data-key=A]").First.ClickAsync();
            await Expect(page.Locator("#private-messages > li").Last).ToContainTextAsync("Answer recorded");

            await SendAsync(page, "/stats");
            var stats = page.Locator("#private-messages > li").Last.Locator("article.table-card");
            await Expect(stats).ToBeVisibleAsync();
            // /stats fits its card on both screens: Accuracy and Answers are in view, no scrolling.
            await AssertTableFitsAsync(stats, $"/stats ({name})");
            await Expect(stats.Locator("th", new() { HasText = "Accuracy" })).ToBeInViewportAsync();
            await ScreenshotAsync(page, $"16-stats-{name}");

            await ActAsAsync(page, "Tutor", admin: true);
            await SendAsync(page, "/leaderboard all");
            var board = page.Locator("ol#messages > li").Last.Locator("article.table-card");
            await Expect(board).ToBeVisibleAsync();
            await AssertTableFitsOrCuesAsync(board);

            await SendAsync(page, "/quiz analysis");
            var analysis = page.Locator("#private-messages > li").Last;
            await Expect(analysis).ToContainTextAsync("Item analysis");
            await Expect(analysis).ToContainTextAsync("facility");
            var wide = await analysis.EvaluateAsync<double>("li => li.scrollWidth - li.clientWidth");
            Assert.True(wide <= 1, $"/quiz analysis is {wide} px wider than the panel ({name})");
            await ScreenshotAsync(page, $"16-analysis-{name}");

            await SendAsync(page, "/quiz analysis format:csv");
            var export = page.Locator("#private-messages > li").Last;
            await Expect(export).ToContainTextAsync("CSV export: item-analysis-all.csv");
            await Expect(export.Locator("pre")).ToHaveCountAsync(0);
            var download = await page.RunAndWaitForDownloadAsync(() => export.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());
            Assert.Equal("item-analysis-all.csv", download.SuggestedFilename);
            var saved = await File.ReadAllTextAsync(await download.PathAsync());
            Assert.StartsWith("question_id,kind,topic,key,", saved, StringComparison.Ordinal);
            await ScreenshotAsync(page, $"17-csv-download-{name}");
            Assert.Empty(errors);
        }
    }

    private static async Task PostCommandAsync(HttpClient http, string text, string name, bool admin = false) =>
        (await http.PostAsJsonAsync("/playground/api/commands", new { channel = "general", text, person = new { name, admin } })).EnsureSuccessStatusCode();

    // The last post's bottom edge is inside the channel's visible area.
    private static async Task AssertNewestPostInViewAsync(IPage page, string what)
    {
        await page.WaitForFunctionAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))");
        var problem = await page.EvaluateAsync<string>("""
            () => {
              const list = document.getElementById('messages');
              const last = list.lastElementChild;
              const l = list.getBoundingClientRect(), r = last.getBoundingClientRect();
              return r.bottom <= l.bottom + 1 && r.bottom > l.top ? '' : `post ends at ${Math.round(r.bottom)} px, channel shows ${Math.round(l.top)}–${Math.round(l.bottom)} px`;
            }
            """);
        Assert.True(problem.Length == 0, $"The newest post is out of view: {what}: {problem}");
    }

    private static async Task AssertTableFitsAsync(ILocator card, string what)
    {
        var overflow = await card.Locator(".table-wrap").EvaluateAsync<double>("w => w.scrollWidth - w.clientWidth");
        Assert.True(overflow <= 1, $"{what}: the table is {overflow} px wider than its card");
    }

    // A table that still cannot fit (six columns on a phone) says it scrolls; one that fits does not.
    private static async Task AssertTableFitsOrCuesAsync(ILocator card)
    {
        var overflow = await card.Locator(".table-wrap").EvaluateAsync<double>("w => w.scrollWidth - w.clientWidth");
        if (overflow > 1)
            await Expect(card.Locator(".scroll-hint")).ToBeVisibleAsync();
        else
            await Expect(card.Locator(".scroll-hint")).ToBeHiddenAsync();
    }
}
