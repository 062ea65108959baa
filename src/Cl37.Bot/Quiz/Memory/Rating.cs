namespace Cl37.Bot.Quiz.Memory;

/// <summary>FSRS's four grades; the bot gives only <see cref="Again"/> and <see cref="Good"/>.</summary>
public enum Rating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}
