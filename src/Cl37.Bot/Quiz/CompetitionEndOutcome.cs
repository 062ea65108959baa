namespace Cl37.Bot.Quiz;

public enum CompetitionEndOutcome
{
    Ended,
    NoneRunning,
    AlreadyEnded,
}
