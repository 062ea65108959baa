namespace Cl37.Bot.Quiz;

/// <summary>A new version of an uploaded deck against the one in service: how many questions
/// changed how they are graded (a key, options, a tolerance), were added or left out.</summary>
public sealed record DeckReplacement(string Name, int Version, int Questions, int Changed, int Added, int Dropped)
{
    public int NextVersion => Version + 1;

    /// <summary>Answers given under the old version may now grade differently: a regrade is due.</summary>
    public bool RegradeDue => Changed > 0;
}
