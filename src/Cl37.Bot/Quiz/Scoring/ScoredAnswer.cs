using Cl37.Bot.Quiz.Memory;

namespace Cl37.Bot.Quiz.Scoring;

/// <summary>An answer with its points and the answerer's state after it, ready to be stored.</summary>
/// <param name="Scored">False for practice: a practice post, or a group post answered after it closed.</param>
/// <param name="BasePoints">The grade's points; zero when not scored.</param>
/// <param name="Streak">Scored answers right in a row including this one; unchanged by practice.</param>
/// <param name="Memory">The person's FSRS memory of the question after this answer.</param>
public sealed record ScoredAnswer(
    bool Scored,
    double BasePoints,
    double StreakBonus,
    double SpeedBonus,
    int Streak,
    int BestStreak,
    MemoryState Memory)
{
    public bool Practice => !Scored;

    public double Bonus => StreakBonus + SpeedBonus;

    public double Points => BasePoints + StreakBonus + SpeedBonus;
}
