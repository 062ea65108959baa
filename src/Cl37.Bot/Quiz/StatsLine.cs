namespace Cl37.Bot.Quiz;

/// <summary>How many of a group of answers (one type, one topic, one question) were right.</summary>
public sealed record StatsLine<T>(T Key, int Correct, int Total)
{
    public int Wrong => Total - Correct;
}
