using Cl37.Bot.Chat;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>Replies to <c>/competition</c> and the announcement of a competition's end. The commands
/// they point to come from the command registrations (<see cref="CompetitionCommands"/>).</summary>
public static class CompetitionMessages
{
    public static OutgoingMessage Start(CompetitionStart r, CompetitionCommands commands) => r.Outcome switch
    {
        CompetitionStartOutcome.EndPassed => OutgoingMessage.PrivateText($"The end date {r.End:yyyy-MM-dd} is already past (today is {r.Today:yyyy-MM-dd} in {r.Zone.Id})."),
        CompetitionStartOutcome.TooLong => OutgoingMessage.PrivateText("A competition can run for at most a year."),
        CompetitionStartOutcome.AlreadyRunning => OutgoingMessage.PrivateText("A competition is already running. End it first with `/competition end`."),
        _ => OutgoingMessage.PublicText($"🏁 Competition **{MarkdownText.Escape(r.Name)}** has started! It runs {RunsUntil(r.End, r.Zone)}. Every scored answer from now counts. `{commands.Standings}` shows the standings."),
    };

    public static OutgoingMessage End(CompetitionEnd r, CompetitionCommands commands) => r.Outcome switch
    {
        CompetitionEndOutcome.NoneRunning => OutgoingMessage.PrivateText($"No competition is running. Start one with `{commands.Start}`."),
        CompetitionEndOutcome.AlreadyEnded => OutgoingMessage.PrivateText("The competition already ended."),
        _ => Final(r.Standings!),
    };

    public static OutgoingMessage Show(CompetitionStandings? standings, CompetitionCommands commands)
    {
        if (standings is null)
            return NoneYet(commands);
        var state = standings.Ended ? "final standings" : "running " + RunsUntil(standings.LastDay, standings.Zone);
        return LeaderboardMessages.ToMessage($"🏆 {standings.Name} — {state}", standings.Page, isPrivate: true);
    }

    /// <summary>The reply when a group has never had a competition.</summary>
    /// <summary><c>/competition start</c>'s end that is not a yyyy-MM-dd date.</summary>
    public static OutgoingMessage BadEndDate(string text) =>
        OutgoingMessage.PrivateText($"`end` must be a date like 2026-12-20, not `{CommandTextParser.Shorten(text)}`.");

    public static OutgoingMessage NoneYet(CompetitionCommands commands) =>
        OutgoingMessage.PrivateText($"There has been no competition yet. Admins start one with `{commands.Start}`.");

    /// <summary>The announcement posted in the competition's channel when it ends.</summary>
    public static OutgoingMessage Final(CompetitionStandings standings) =>
        LeaderboardMessages.ToMessage($"🏆 {standings.Name} has ended — final standings", standings.Page, isPrivate: false);

    /// <summary>The one wording of a competition's end everywhere: "until the end of 2026-12-31 (Europe/Berlin)".</summary>
    private static string RunsUntil(DateOnly lastDay, TimeZoneInfo zone) => $"until the end of {lastDay:yyyy-MM-dd} ({zone.Id})";
}
