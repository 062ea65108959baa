using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>Replies to <c>/competition</c> and the announcement of a competition's end.</summary>
public static class CompetitionMessages
{
    public static OutgoingMessage Start(CompetitionStart r) => r.Outcome switch
    {
        CompetitionStartOutcome.EndPassed => OutgoingMessage.PrivateText($"The end date {r.End:yyyy-MM-dd} is already past (today is {r.Today:yyyy-MM-dd} in {r.Zone.Id})."),
        CompetitionStartOutcome.TooLong => OutgoingMessage.PrivateText("A competition can run for at most a year."),
        CompetitionStartOutcome.AlreadyRunning => OutgoingMessage.PrivateText("A competition is already running. End it first with `/competition end`."),
        _ => OutgoingMessage.PublicText($"🏁 Competition **{r.Name}** has started! It runs {RunsUntil(r.End, r.Zone)}. Every scored answer from now counts. `/leaderboard competition` shows the standings."),
    };

    public static OutgoingMessage End(CompetitionEnd r) => r.Outcome switch
    {
        CompetitionEndOutcome.NoneRunning => OutgoingMessage.PrivateText("No competition is running. Start one with `/competition start <name> <end date>`."),
        CompetitionEndOutcome.AlreadyEnded => OutgoingMessage.PrivateText("The competition already ended."),
        _ => Final(r.Standings!),
    };

    public static OutgoingMessage Show(CompetitionStandings? standings)
    {
        if (standings is null)
            return OutgoingMessage.PrivateText("There has been no competition yet. Admins start one with `/competition start <name> <end date>`.");
        var state = standings.Ended ? "final standings" : "running " + RunsUntil(standings.LastDay, standings.Zone);
        return LeaderboardMessages.ToMessage($"🏆 {standings.Name} — {state}", standings.Page, isPrivate: true);
    }

    /// <summary>The announcement posted in the competition's channel when it ends.</summary>
    public static OutgoingMessage Final(CompetitionStandings standings) =>
        LeaderboardMessages.ToMessage($"🏆 {standings.Name} has ended — final standings", standings.Page, isPrivate: false);

    /// <summary>The one wording of a competition's end everywhere: "until the end of 2026-12-31 (Europe/Berlin)".</summary>
    private static string RunsUntil(DateOnly lastDay, TimeZoneInfo zone) => $"until the end of {lastDay:yyyy-MM-dd} ({zone.Id})";
}
