using System.Text.RegularExpressions;
using Cl37.Bot.Tests.Fakes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cl37.Bot.Tests.Platforms.Playground;

/// <summary>The playground end to end in Debian's chromium: a group quiz acted out by several
/// people in two tabs, then the leaderboard and a calculator. Screenshots land in
/// TestResults/playground next to the test assembly.</summary>
public sealed partial class PlaygroundBrowserTests : IAsyncLifetime
{
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "TestResults", "playground");
    private readonly PlaygroundApp _app = new(kestrel: true);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(PlaygroundBrowserFactAttribute.ChromiumPath))
            return;
        _address = _app.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = PlaygroundBrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        SetDefaultExpectTimeout(15_000);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    [PlaygroundBrowserFact]
    public async Task GroupQuiz_ThreePeopleTwoTabs_FeedbackPrivateTallyLiveRevealLeaderboardCalc()
    {
        Assert.True(File.Exists(PlaygroundBrowserFactAttribute.ChromiumPath), $"Chromium is required at {PlaygroundBrowserFactAttribute.ChromiumPath} in CI: apt-get install -y chromium.");
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
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
        await Expect(reveal.Locator("figcaption")).ToContainTextAsync("3 answered, 2 correct");
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
        await Expect(steps.Locator(".answer")).ToContainTextAsync("5");
        await Expect(steps.Locator(".steps")).ToContainTextAsync("4");
        Assert.True(await steps.Locator(".steps li").CountAsync() >= 2);
        await Expect(two.Locator(".message .invoked").Last).ToContainTextAsync("Tutor used /calc servers 200 50");
        await ScreenshotAsync(two, "5-calc");

        Assert.Empty(errors);
    }

    [PlaygroundBrowserFact]
    public async Task Escaping_ScriptInNameAndCommand_ShownAsText()
    {
        Assert.True(File.Exists(PlaygroundBrowserFactAttribute.ChromiumPath), $"Chromium is required at {PlaygroundBrowserFactAttribute.ChromiumPath} in CI: apt-get install -y chromium.");
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
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
        await ScreenshotAsync(page, "6-phone-escaping");

        // On a phone the page has no sideways scrolling.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        Assert.Empty(errors);
    }

    private async Task<IPage> OpenAsync(IBrowserContext context, List<string> errors)
    {
        var page = await context.NewPageAsync();
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

    [GeneratedRegex("/playground/$")]
    private static partial Regex UrlPattern();
}
