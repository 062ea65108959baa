using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cl37.Bot.Tests.Platforms.Playground;

public sealed partial class PlaygroundBrowserTests
{
    [PlaygroundBrowserFact]
    public async Task DeckUpload_FilePicker_PreviewConfirmThenItsQuestionIsPosted()
    {
        StartApp();
        var errors = new List<string>();
        var page = await OpenAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } }, errors);
        await ActAsAsync(page, "Tutor", admin: true);

        await page.Locator("#attach-input").SetInputFilesAsync(new FilePayload
        {
            Name = "bio.gift",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes("::cell-1::Which organelle makes most of a cell's ATP? {=Mitochondrion ~Ribosome ~Nucleus}\n"),
        });
        await Expect(page.Locator("#attachment")).ToContainTextAsync("bio.gift");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Command" }).FillAsync("/quiz deck add ");
        await Expect(page.Locator("#hint")).ToContainTextAsync("file:<attachment>");
        await SendAsync(page, "/quiz deck add");

        await Expect(Private(page).Locator("li").Last).ToContainTextAsync("Deck preview: bio");
        await Expect(Private(page).Locator("li").Last).ToContainTextAsync("1 question: 1 single choice");
        await Expect(page.Locator("#attachment")).ToBeHiddenAsync();
        await ScreenshotAsync(page, "10-deck-upload-preview");

        await SendAsync(page, "/quiz deck confirm");
        await Expect(Private(page).Locator("li").Last).ToContainTextAsync("Deck bio is in service for this group (version 1)");
        await SendAsync(page, "/quiz now deck:bio");
        await Expect(page.Locator("article.question").Last).ToContainTextAsync("Which organelle makes most of a cell's ATP?");
        Assert.Empty(errors);
    }
}
