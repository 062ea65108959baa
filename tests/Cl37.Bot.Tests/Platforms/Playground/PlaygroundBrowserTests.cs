using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cl37.Bot.Tests.Platforms.Playground;

/// <summary>The playground end to end in Debian's chromium: a group quiz acted out by several
/// people in two tabs, then the leaderboard and a calculator. Screenshots land in
/// TestResults/playground at the repository root (git-ignored).</summary>
[Trait(Tier.Name, Tier.Slow)]
public sealed partial class PlaygroundBrowserTests(PlaygroundBrowserFixture fixture) : IClassFixture<PlaygroundBrowserFixture>, IAsyncLifetime
{
    private static readonly string ScreenshotFolder = Path.Combine(RepositoryRoot(), "TestResults", "playground");
    private readonly List<IBrowserContext> _contexts = [];
    private PlaygroundApp? _app;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        Directory.CreateDirectory(ScreenshotFolder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [PlaygroundBrowserFact]
    public async Task GroupQuiz_ThreePeopleTwoTabs_FeedbackPrivateTallyLiveRevealLeaderboardCalc()
    {
        StartApp();
        var context = new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } };
        var errors = new List<string>();
        var one = await OpenAsync(context, errors);
        var two = await OpenAsync(context, errors);

        // The tutor posts a question; both tabs show it live.
        await ActAsAsync(one, "Tutor", admin: true);
        await SendAsync(one, "/quiz now");
        await Expect(Private(one)).ToContainTextAsync("✅");
        var question = one.Locator("article.question");
        await Expect(question).ToBeVisibleAsync();
        await Expect(two.Locator("article.question")).ToBeVisibleAsync();
        await Expect(two.Locator("#private")).ToBeHiddenAsync();

        // Ann and Ben answer in tab one; each sees only their own feedback; tab two sees the tally move.
        await ActAsAsync(one, "Ann");
        await Expect(one.Locator("#private")).ToBeHiddenAsync();
        await question.Locator("button.choice[data-key=B]").ClickAsync();
        await Expect(Private(one)).ToContainTextAsync("Answer recorded");
        await Expect(Private(one)).ToContainTextAsync("B");
        await Expect(two.Locator("article.question .tally")).ToHaveTextAsync("1 answered");

        await ActAsAsync(one, "Ben");
        await Expect(one.Locator("#private")).ToBeHiddenAsync();
        await one.Locator("article.question button.choice[data-key=A]").ClickAsync();
        await Expect(Private(one)).ToContainTextAsync("Answer recorded");
        await Expect(two.Locator("article.question .tally")).ToHaveTextAsync("2 answered");
        await Expect(two.Locator("#private")).ToBeHiddenAsync();

        await ActAsAsync(two, "Cy");
        await two.Locator("article.question button.choice[data-key=B]").ClickAsync();
        await Expect(Private(two)).ToContainTextAsync("Answer recorded");
        await Expect(one.Locator("article.question .tally")).ToHaveTextAsync("3 answered");
        await Expect(Private(one)).Not.ToContainTextAsync("Cy");
        await ScreenshotAsync(two, "1-answered-second-tab");

        // Switching back to Ann shows Ann's own feedback again, not Ben's.
        await ActAsAsync(one, "Ann");
        await Expect(Private(one)).ToContainTextAsync("Answer recorded: B");
        await ScreenshotAsync(one, "2-private-feedback");

        // The tutor closes the window: the reveal with its chart reaches both tabs and the question closes.
        await ActAsAsync(one, "Tutor", admin: true);
        await SendAsync(one, "/quiz reveal");
        var reveal = two.Locator("article.card.reveal");
        await Expect(reveal).ToBeVisibleAsync();
        await Expect(reveal.Locator(".chart-row")).ToHaveCountAsync(4);
        await Expect(reveal.Locator(".chart-row.correct .chart-count")).ToHaveTextAsync("2 (67%)");
        await Expect(reveal.Locator(".chart-row[data-key=A] .chart-count")).ToHaveTextAsync("1 (33%)");
        await Expect(reveal.Locator("figcaption")).ToHaveTextAsync("How the group answered: 2 of 3 correct");
        await Expect(two.Locator("article.question.closed button.choice").First).ToBeDisabledAsync();
        await reveal.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(two, "3-reveal");

        await SendAsync(one, "/leaderboard");
        var table = one.Locator("article.table-card table").Last;
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("10");
        await ScreenshotAsync(one, "4-leaderboard");

        // /calc through keyboard completion: "/ca" Tab → "/calc ", "se" Tab → "/calc servers ".
        var box = one.Locator("#command");
        await box.FocusAsync();
        await box.PressSequentiallyAsync("/ca");
        await Expect(one.Locator("#completions [role=option]").First).ToContainTextAsync("/calc");
        await box.PressAsync("Tab");
        await Expect(box).ToHaveValueAsync("/calc ");
        await box.PressSequentiallyAsync("se");
        await box.PressAsync("Tab");
        await Expect(box).ToHaveValueAsync("/calc servers ");
        await Expect(one.Locator("#hint")).ToContainTextAsync("peak");
        await box.PressSequentiallyAsync("200 50");
        await box.PressAsync("Enter");
        var steps = two.Locator("article.steps-card").Last;
        await Expect(steps).ToBeVisibleAsync();
        await Expect(steps.Locator(".answer")).ToContainTextAsync("4 server instances");
        await Expect(steps.Locator(".steps")).ToContainTextAsync("4");
        Assert.True(await steps.Locator(".steps li").CountAsync() >= 2);
        await Expect(two.Locator(".message .invoked").Last).ToContainTextAsync("Tutor used /calc servers 200 50");
        await ScreenshotAsync(two, "5-calc");

        Assert.Empty(errors);
    }

    [PlaygroundBrowserFact]
    public async Task AnswerControls_MultiSelectAndFreeText_SubmitAndSurviveTallyUpdates()
    {
        var deck = TestDeck.Deck();
        StartApp(new Content.DeckLibrary([deck with { Questions = [deck.Questions[2], deck.Questions[4]] }], []));
        var context = new BrowserNewContextOptions { ViewportSize = new() { Width = 1024, Height = 900 } };
        var errors = new List<string>();
        var one = await OpenAsync(context, errors);
        var two = await OpenAsync(context, errors);
        await ActAsAsync(two, "Tutor", admin: true);

        for (var round = 0; round < 2; round++)
        {
            await SendAsync(two, "/quiz now");
            var open = one.Locator("article.question:not(.closed)");
            await Expect(open).ToHaveCountAsync(1);
            await ActAsAsync(one, "Ann");
            if (await open.Locator("input[type=checkbox]").CountAsync() > 0)
            {
                // Ann ticks A while someone else answers: the tally moves under her and her tick stays.
                await open.GetByRole(AriaRole.Checkbox, new() { Name = "A Option A" }).CheckAsync();
                await two.Locator("article.question:not(.closed) input[type=checkbox][value=D]").CheckAsync();
                await two.Locator("article.question:not(.closed)").GetByRole(AriaRole.Button, new() { Name = "Submit answer" }).ClickAsync();
                await Expect(open.Locator(".tally")).ToHaveTextAsync("1 answered");
                await Expect(open.GetByRole(AriaRole.Checkbox, new() { Name = "A Option A" })).ToBeCheckedAsync();
                await open.GetByRole(AriaRole.Checkbox, new() { Name = "B Option B" }).CheckAsync();
                await open.GetByRole(AriaRole.Button, new() { Name = "Submit answer" }).ClickAsync();
                await Expect(Private(one)).ToContainTextAsync("A, B");
                await ScreenshotAsync(one, "7-multi-select");
            }
            else
            {
                var box = open.GetByLabel("Your answer");
                await Expect(box).ToHaveAttributeAsync("placeholder", "The missing word or phrase");
                await box.FillAsync("<b>Pod</b>");
                await box.PressAsync("Enter");
                await Expect(Private(one)).ToContainTextAsync("<b>Pod</b>");
                await ScreenshotAsync(one, "8-free-text");
            }
            await Expect(Private(one).Locator("li").Last).ToContainTextAsync("Answer recorded");
            await SendAsync(two, "/quiz reveal");
            await Expect(one.Locator("article.card.reveal")).ToHaveCountAsync(round + 1);
        }

        Assert.Equal(0, await one.Locator(".private b, .message b").CountAsync());
        Assert.Empty(errors);
    }

    [PlaygroundBrowserFact]
    public async Task Escaping_ScriptInNameAndCommand_ShownAsText()
    {
        StartApp();
        var context = new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, ColorScheme = ColorScheme.Dark };
        var errors = new List<string>();
        var page = await OpenAsync(context, errors);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        const string name = "<img src=x onerror=alert(1)>";
        await ActAsAsync(page, name);
        await SendAsync(page, "/calc servers 200 50 <script>alert(2)</script>");
        await Expect(Private(page)).ToContainTextAsync("<script>alert(2)</script>");
        await SendAsync(page, "/calc servers 200 50");

        var invoked = page.Locator(".message .invoked").Last;
        await Expect(invoked).ToContainTextAsync(name + " used /calc servers 200 50");
        Assert.Equal(0, await page.Locator(".message img, .private img, #person-current img, .message-main script").CountAsync());
        Assert.Equal(0, dialogs);
        await ScreenshotAsync(page, "6-phone-dark-escaping");

        // On a phone the page has no sideways scrolling.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        Assert.Empty(errors);
    }

    [PlaygroundBrowserFact]
    public async Task PrivatePanel_ChannelWithLongHistory_FeedbackStatsAndErrorsFullyVisibleOnLaptopAndPhone()
    {
        StartApp();
        using var http = new HttpClient { BaseAddress = _address };
        for (var i = 0; i < 32; i++)
            (await http.PostAsJsonAsync("/playground/api/commands", new { channel = "general", text = $"/calc servers {200 + i} 50", person = new { name = "Dee" } })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/playground/api/commands", new { channel = "general", text = "/quiz now", person = new { name = "Tutor", admin = true } })).EnsureSuccessStatusCode();

        var laptop = new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 } };
        var phone = new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };
        foreach (var (context, name) in new[] { (laptop, "Ann"), (phone, "Ben") })
        {
            var errors = new List<string>();
            var page = await OpenAsync(context, errors);
            await Expect(page.Locator("ol#messages > li")).ToHaveCountAsync(33);
            await ActAsAsync(page, name);

            await page.Locator("article.question button.choice[data-key=B]").ClickAsync();
            await Expect(Private(page).Locator("li").Last).ToContainTextAsync("Answer recorded");
            await AssertNewestPrivateFullyVisibleAsync(page, "answer feedback");

            await SendAsync(page, "/stats");
            await Expect(Private(page).Locator("li")).ToHaveCountAsync(2);
            await AssertNewestPrivateFullyVisibleAsync(page, "/stats");

            await SendAsync(page, "/calc servers many 50");
            await Expect(Private(page).Locator("li")).ToHaveCountAsync(3);
            await AssertNewestPrivateFullyVisibleAsync(page, "an error");
            await ScreenshotAsync(page, $"9-private-long-history-{context.ViewportSize!.Width}");
            Assert.Empty(errors);
        }
    }

    // Fully visible: inside the viewport, inside the panel's scrolled area and below its sticky heading.
    private static async Task AssertNewestPrivateFullyVisibleAsync(IPage page, string what)
    {
        var problem = await page.EvaluateAsync<string>("""
            () => {
              const item = document.querySelector('#private-messages > li:last-child');
              const panel = document.getElementById('private');
              const head = panel.querySelector('.private-head');
              const r = item.getBoundingClientRect(), p = panel.getBoundingClientRect(), h = head.getBoundingClientRect();
              const fits = r.top >= Math.max(0, p.top, h.bottom) - 1 && r.bottom <= Math.min(innerHeight, p.bottom) + 1;
              return fits ? '' : `reply ${Math.round(r.top)}–${Math.round(r.bottom)} px, panel ${Math.round(p.top)}–${Math.round(p.bottom)} px (${Math.round(p.height)} px tall), heading ends ${Math.round(h.bottom)} px, viewport ${innerHeight} px`;
            }
            """);
        Assert.True(problem.Length == 0, $"The newest private reply ({what}) is cut off: {problem}");
    }

    [PlaygroundBrowserFact]
    public async Task AccessKey_Required_PageAsksOnceThenGoesLive()
    {
        StartApp(settings: new Dictionary<string, string?> { ["Playground:AccessKey"] = "correct-horse-battery-staple" });
        var browserContext = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1024, Height = 768 } });
        _contexts.Add(browserContext);
        var page = await browserContext.NewPageAsync();
        await page.GotoAsync(new Uri(_address, "/playground/").ToString());

        var key = page.GetByLabel("Access key");
        await Expect(key).ToBeVisibleAsync();
        await key.FillAsync("a wrong guess");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the playground" }).ClickAsync();
        await Expect(page.Locator("#access-error")).ToContainTextAsync("not the access key");
        await key.FillAsync("correct-horse-battery-staple");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the playground" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Live");
        await SendAsync(page, "/calc servers 200 50");
        await Expect(page.Locator("article.steps-card")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Live");
        await Expect(page.Locator("#access-gate")).ToBeHiddenAsync();
    }

    private void StartApp(Content.DeckLibrary? decks = null, Dictionary<string, string?>? settings = null)
    {
        Assert.True(File.Exists(PlaygroundBrowserFactAttribute.ChromiumPath), $"Chromium is required at {PlaygroundBrowserFactAttribute.ChromiumPath} in CI: apt-get install -y chromium.");
        _app = new PlaygroundApp(settings, decks: decks, kestrel: true);
        _address = _app.StartKestrel();
    }

    // Each tab gets its own browser context: Chromium throttles a background page of a shared window,
    // which only slows the test down; sessionStorage keeps tabs apart in the real page either way.
    private async Task<IPage> OpenAsync(BrowserNewContextOptions context, List<string> errors)
    {
        var browserContext = await fixture.Browser!.NewContextAsync(context);
        _contexts.Add(browserContext);
        var page = await browserContext.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(_address, "/").ToString());
        await Expect(page).ToHaveURLAsync(UrlPattern());
        await Expect(page.Locator("#status")).ToHaveTextAsync("Live");
        return page;
    }

    private static async Task ActAsAsync(IPage page, string name, bool admin = false)
    {
        var details = page.Locator("#person-details");
        if (!await details.EvaluateAsync<bool>("d => d.open"))
            await details.Locator("summary").ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Admin" }).SetCheckedAsync(admin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch person" }).ClickAsync();
        await Expect(page.Locator("#person-current")).ToContainTextAsync(name);
    }

    private static async Task SendAsync(IPage page, string command)
    {
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Command" });
        await box.FillAsync(command);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(box).ToHaveValueAsync("");
    }

    private static ILocator Private(IPage page) => page.Locator("#private-messages");

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = false });

    private static string RepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Cl37.Bot.sln")))
                return dir;
        }
        return AppContext.BaseDirectory;
    }

    [GeneratedRegex("/playground/$")]
    private static partial Regex UrlPattern();
}
