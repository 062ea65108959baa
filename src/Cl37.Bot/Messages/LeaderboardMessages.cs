using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>A leaderboard page as a table card, with the same lines as text for platforms that show text only.</summary>
public static class LeaderboardMessages
{
    public static string MonthTitle(DateOnly localDate) => $"Leaderboard · {localDate:MMMM yyyy}";

    public static string AllTimeTitle => "Leaderboard · all time";

    public static string CompetitionTitle(CompetitionSummary competition) =>
        $"Leaderboard · {competition.Name}{(competition.Ended ? " (final)" : "")}";

    /// <summary>This week's title, from its period key (<c>W2026-49</c>).</summary>
    public static string WeekTitle(string weekKey) => $"Leaderboard · this week ({weekKey[1..]})";

    public static TableCard ToTable(string title, LeaderboardPage page)
    {
        var rows = page.Rows.Select(Cells).ToList();
        var footer = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Page {page.Page} of {page.PageCount} · {page.People} {(page.People == 1 ? "person" : "people")}"));
        if (page.Me is { } me)
            footer.Append(CultureInfo.InvariantCulture, $" · {me.Name}: #{me.Rank}, {me.Points:0.##} points");
        return new TableCard(title, ["#", "Name", "Points", "Accuracy", "Answered", "Streak"], rows, footer.ToString());
    }

    /// <param name="askedPage">The page the person asked for, when it may be past the last one.</param>
    public static OutgoingMessage ToMessage(string title, LeaderboardPage page, bool isPrivate, int? askedPage = null)
    {
        // An empty board is a sentence, not a table of headers with nothing under them.
        if (page.Rows.Count == 0)
            return new OutgoingMessage($"**{title}**\nNobody has scored here yet: the board fills as answers are scored.", null, isPrivate);
        var table = ToTable(title, page);
        if (askedPage is { } asked && asked > page.PageCount)
            table = table with { Footer = string.Create(CultureInfo.InvariantCulture, $"There is no page {asked}; showing page {page.Page}, the last. ") + table.Footer };
        var text = new StringBuilder("**").Append(title).Append("**\n");
        foreach (var row in table.Rows)
            text.Append(row[0]).Append(". ").Append(row[1]).Append(" — ").Append(row[2]).Append(" pts, ").Append(row[3]).Append(", ").Append(row[4]).Append(" answered, streak ").Append(row[5]).Append('\n');
        text.Append(table.Footer);
        return new OutgoingMessage(text.ToString(), table, isPrivate);
    }

    private static IReadOnlyList<string> Cells(LeaderboardRow r) =>
    [
        r.Rank.ToString(CultureInfo.InvariantCulture),
        r.Name,
        r.Points.ToString("0.##", CultureInfo.InvariantCulture),
        r.Accuracy.ToString("0%", CultureInfo.InvariantCulture),
        r.Answered.ToString(CultureInfo.InvariantCulture),
        r.Streak.ToString(CultureInfo.InvariantCulture),
    ];
}
