namespace Cl37.Bot.Chat;

/// <summary>Structured content a platform renders with its own widgets.</summary>
public abstract record ChatCard;
