namespace Cl37.Bot.Quiz;

/// <summary>One person's points this week and what they gained on the question just revealed.</summary>
public sealed record WeekStanding(string Name, double Points, double Gained);
