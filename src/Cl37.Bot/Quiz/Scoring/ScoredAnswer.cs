namespace Cl37.Bot.Quiz.Scoring;

/// <summary>An answer with its points and the answerer's state after it, ready to be stored.</summary>
/// <param name="Scored">False for practice: a practice post, or a group post answered after it closed.</param>
/// <param name="BasePoints">The grade's points; zero when not scored.</param>
/// <param name="Streak">Scored answers right in a row including this one; unchanged by practice.</param>
/// <param name="ReviewBox">The Leitner box the question moves to.</param>
/// <param name="ReviewDueUtc">When the question is next due for this person's review.</param>
public sealed record ScoredAnswer(
    bool Scored,
    double BasePoints,
    double StreakBonus,
    double SpeedBonus,
    int Streak,
    int BestStreak,
    int ReviewBox,
    DateTime ReviewDueUtc)
{
    public bool Practice => !Scored;

    public double Bonus => StreakBonus + SpeedBonus;

    public double Points => BasePoints + StreakBonus + SpeedBonus;
}
