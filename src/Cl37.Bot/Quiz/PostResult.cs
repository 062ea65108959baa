using Cl37.Bot.Content;

namespace Cl37.Bot.Quiz;

/// <summary>What became of a question to post, with what a reply needs to say so.</summary>
public sealed record PostResult(PostOutcome Outcome, long? PostId, string Platform)
{
    /// <summary>The question that went out (<see cref="PostOutcome.Posted"/>).</summary>
    public Question? Question { get; init; }

    /// <summary>The deck asked for that has no questions (<see cref="PostOutcome.NoQuestions"/>); null for all decks.</summary>
    public string? DeckId { get; init; }

    /// <summary>The decks there are (<see cref="PostOutcome.NoQuestions"/>).</summary>
    public IReadOnlyList<string> Decks { get; init; } = [];

    /// <summary>The day's post is being sent by another attempt right now (<see cref="PostOutcome.AlreadyPosted"/>).</summary>
    public bool InProgress { get; init; }
}
