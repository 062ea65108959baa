using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Cl37.Bot.Hosting;

/// <summary>Finds the root appsettings.json that is published next to the binary.</summary>
public static class AppFolderSettings
{
    /// <summary>ASP.NET Core reads appsettings.json from the content root, which is the working directory;
    /// started from anywhere else (a service manager, a shell in another folder) the published defaults
    /// would silently be missing. The app folder's copy is added as the lowest-precedence source, so the
    /// content root's file, environment variables and arguments still override it.</summary>
    public static WebApplicationBuilder AddAppFolderSettings(this WebApplicationBuilder builder)
    {
        var appFolder = AppContext.BaseDirectory;
        var contentRoot = Path.GetFullPath(builder.Environment.ContentRootPath);
        if (File.Exists(Path.Combine(appFolder, "appsettings.json"))
            && !string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(appFolder)), Path.TrimEndingDirectorySeparator(contentRoot), StringComparison.Ordinal))
        {
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new PhysicalFileProvider(appFolder),
            });
        }
        return builder;
    }
}
