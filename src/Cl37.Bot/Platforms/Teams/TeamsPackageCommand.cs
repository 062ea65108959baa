using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Kernel;

namespace Cl37.Bot.Platforms.Teams;

/// <summary><c>cl37bot teams package [--app-id ID] [--out FILE]</c>: writes the app package to
/// sideload (manifest.json with the bot's app id, color.png, outline.png). The app id defaults to
/// the configured <c>Teams:AppId</c> (appsettings.json or the Teams__AppId environment variable).</summary>
internal static class TeamsPackageCommand
{
    public static int Run(string[] args, TextWriter output, CommandCatalog catalog)
    {
        if (args.Length == 0 || args[0] != "package")
        {
            output.WriteLine("usage: cl37bot teams package [--app-id <Microsoft App id>] [--out <file.zip>]");
            return 2;
        }
        string? appId = null;
        var outFile = "cl37bot-teams.zip";
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--app-id" when i + 1 < args.Length:
                    appId = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    outFile = args[++i];
                    break;
                default:
                    output.WriteLine($"teams package: unknown argument '{args[i]}'. Use --app-id <id> and --out <file.zip>.");
                    return 2;
            }
        }
        appId ??= new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()[$"{TeamsOptions.Section}:{nameof(TeamsOptions.AppId)}"];
        if (string.IsNullOrWhiteSpace(appId) || !Guid.TryParse(appId, out var id))
        {
            output.WriteLine("teams package: the app id must be the bot's Microsoft App id (a GUID): pass --app-id or set Teams:AppId.");
            return 2;
        }
        var icons = FindIcons();
        if (icons is null)
        {
            output.WriteLine("teams package: cannot find the teams/ folder with color.png and outline.png (run from the repository or the app folder).");
            return 1;
        }
        Write(outFile, id.ToString(), icons, catalog);
        output.WriteLine($"Wrote {outFile} for app {id}. Upload it in Teams: Apps → Manage your apps → Upload an app.");
        return 0;
    }

    internal static void Write(string outFile, string appId, string iconFolder, CommandCatalog catalog)
    {
        using var zip = ZipFile.Open(outFile, ZipArchiveMode.Create);
        var manifest = zip.CreateEntry("manifest.json");
        using (var stream = manifest.Open())
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            TeamsManifest.Build(appId, catalog).WriteTo(writer);
        zip.CreateEntryFromFile(Path.Combine(iconFolder, "color.png"), "color.png");
        zip.CreateEntryFromFile(Path.Combine(iconFolder, "outline.png"), "outline.png");
    }

    private static string? FindIcons()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "teams");
                if (File.Exists(Path.Combine(candidate, "color.png")) && File.Exists(Path.Combine(candidate, "outline.png")))
                    return candidate;
            }
        }
        return null;
    }
}
