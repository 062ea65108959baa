using Cl37.Bot.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cl37.Bot.Tests.Decks;

public sealed class ContentHostingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cl37-content-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void AddContent_LoadsDecksFromQuizContentPathOnce()
    {
        var decks = Directory.CreateDirectory(Path.Combine(_dir, "decks")).FullName;
        File.Copy(DeckFiles.ContentDeck, Path.Combine(decks, "course.md"));
        File.WriteAllText(Path.Combine(decks, "broken.md"), "");
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_dir, "bot.db")}");
            b.UseSetting("Quiz:ContentPath", decks);
        });

        var library = app.Services.GetRequiredService<DeckLibrary>();

        Assert.Same(library, app.Services.GetRequiredService<DeckLibrary>());
        Assert.Equal("course", Assert.Single(library.Decks).Id);
        Assert.Equal(38, library.AllQuestions.Count());
        Assert.EndsWith("broken.md:1: the file is empty.", Assert.Single(library.Errors).ToString(), StringComparison.Ordinal);
    }
}
