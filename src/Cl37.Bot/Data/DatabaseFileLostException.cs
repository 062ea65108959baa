namespace Cl37.Bot.Data;

/// <summary>The SQLite file this process opened was deleted or replaced: a write now would be
/// acknowledged into a file nobody reads, so it is refused.</summary>
public sealed class DatabaseFileLostException(string problem) : IOException(problem);
