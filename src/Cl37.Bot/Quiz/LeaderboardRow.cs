namespace Cl37.Bot.Quiz;

/// <summary>One line of a leaderboard.</summary>
public sealed record LeaderboardRow(int Rank, long PersonId, string Name, double Points, int Answered, int Correct, int Streak)
{
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}
