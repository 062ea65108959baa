using System.Globalization;
using Cl37.Bot.Chat;

namespace Cl37.Bot.Messages;

/// <summary>The words around an exported file and a shortened list.</summary>
public static class FileMessages
{
    /// <summary>"**Leaderboard · all time** — CSV export: leaderboard-all.csv, 120 rows (4.1 KB)."</summary>
    public static string Export(string title, FileAttachment file, int rows, string rowName) =>
        string.Create(CultureInfo.InvariantCulture,
            $"**{title}** — CSV export: {file.FileName}, {rows} {(rows == 1 ? rowName : rowName + "s")} ({Size(file.Content.Length)}).");

    /// <summary>"… 4,975 more questions — use /quiz analysis format:csv".</summary>
    public static string MoreRows(int more, string rowName, string command) =>
        string.Create(CultureInfo.InvariantCulture, $"… {more:#,0} more {(more == 1 ? rowName : rowName + "s")} — use `{command}`");

    public static string Size(long bytes) => bytes < 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
        : bytes < 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB");
}
