using Cl37.Bot.Quiz.Grading;

namespace Cl37.Bot.Quiz.Memory;

/// <summary>The bot's binary grading for FSRS: right is Good, wrong is Again, and partial credit
/// counts as right when it is above half the points.</summary>
public static class Grades
{
    public static Rating RatingOf(bool isCorrect, double points) =>
        isCorrect || points > GradeResult.FullPoints / 2 ? Rating.Good : Rating.Again;
}
