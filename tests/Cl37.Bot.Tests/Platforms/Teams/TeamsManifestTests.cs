using System.IO.Compression;
using System.Text.Json.Nodes;
using Cl37.Bot.Commands;
using Cl37.Bot.Platforms.Teams;

namespace Cl37.Bot.Tests.Platforms.Teams;

public sealed class TeamsManifestTests
{
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cl37.Bot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cl37.Bot.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Build_CheckedInManifest_MatchesTheSharedCommandDefinitions()
    {
        var checkedIn = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "teams", "manifest.json")));
        var generated = TeamsManifest.Build(TeamsManifest.PlaceholderAppId, CommandRegistrations.Catalog());
        Assert.True(JsonNode.DeepEquals(checkedIn, generated),
            "teams/manifest.json is stale: regenerate it with `dotnet run --project src/Cl37.Bot -- teams package --app-id 00000000-0000-0000-0000-000000000000` and unzip manifest.json.");
    }

    [Fact]
    public void Build_ResourceSpecificPermissions_LetTeamsDeliverChannelMessagesWithoutAMention()
    {
        var rsc = TeamsManifest.Build(TeamsManifest.PlaceholderAppId, CommandRegistrations.Catalog())["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray();

        Assert.Equal(["TeamMember.Read.Group", "ChannelMessage.Read.Group"], rsc.Select(p => (string?)p!["name"]));
        Assert.All(rsc, p => Assert.Equal("Application", (string?)p!["type"]));
    }

    [Fact]
    public void Build_CommandList_ListsEveryCommandWithinTeamsLimits()
    {
        var bot = TeamsManifest.Build(TeamsManifest.PlaceholderAppId, CommandRegistrations.Catalog())["bots"]![0]!;
        var lists = bot["commandLists"]!.AsArray();
        Assert.InRange(lists.Count, 1, 3);
        var commands = lists[0]!["commands"]!.AsArray();
        Assert.InRange(commands.Count, 1, 12);
        Assert.Equal(CommandRegistrations.Catalog().All.Select(c => c.Name), commands.Select(c => (string?)c!["title"]));
        Assert.All(commands, c =>
        {
            Assert.InRange(((string?)c!["title"])!.Length, 1, 32);
            Assert.InRange(((string?)c["description"])!.Length, 1, 128);
        });
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Run_WithAppId_WritesZipWithManifestAndBothIcons()
    {
        var zipPath = Path.Combine(Path.GetTempPath(), $"cl37-teams-{Guid.NewGuid():N}.zip");
        var cwd = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(RepoRoot());
            var output = new StringWriter();
            var code = TeamsPackageCommand.Run(["package", "--app-id", "5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10", "--out", zipPath], output, CommandRegistrations.Catalog());
            Assert.Equal(0, code);

            using var zip = ZipFile.OpenRead(zipPath);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifest = JsonNode.Parse(reader.ReadToEnd())!;
            Assert.Equal("5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10", (string?)manifest["bots"]![0]!["botId"]);
            Assert.Equal("5b1d7c0e-5a2b-4f1e-9d43-0c7a6d2e9f10", (string?)manifest["id"]);
            AssertPng(zip.GetEntry("color.png")!, 192);
            AssertPng(zip.GetEntry("outline.png")!, 32);
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
            File.Delete(zipPath);
        }
    }

    [Theory]
    [InlineData("package", "--app-id", "not-a-guid")]
    [InlineData("package", "--colour", "red")]
    [InlineData("publish")]
    public void Run_BadArguments_ExplainsAndFails(params string[] args)
    {
        var output = new StringWriter();
        Assert.NotEqual(0, TeamsPackageCommand.Run(args, output, CommandRegistrations.Catalog()));
        Assert.False(string.IsNullOrWhiteSpace(output.ToString()));
    }

    private static void AssertPng(ZipArchiveEntry entry, int size)
    {
        using var stream = entry.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal(0x89, header[0]);
        Assert.Equal(size, (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19]);
        Assert.Equal(size, (header[20] << 24) | (header[21] << 16) | (header[22] << 8) | header[23]);
    }
}
