namespace Cl37.Bot.Quiz.Analysis;

/// <summary>What a deck author should look at in a question.</summary>
[Flags]
public enum ItemFlags
{
    None = 0,

    /// <summary>A wrong option nobody picked: it distracts no one.</summary>
    UnusedDistractor = 1,

    /// <summary>Strong scorers picked a wrong option more often than a key: the key may be wrong.</summary>
    PossibleWrongKey = 2,

    /// <summary>Almost everyone got it right.</summary>
    NearlyAllRight = 4,

    /// <summary>Almost everyone got it wrong.</summary>
    NearlyAllWrong = 8,

    /// <summary>Those who did well elsewhere did worse here.</summary>
    NegativeDiscrimination = 16,
}
