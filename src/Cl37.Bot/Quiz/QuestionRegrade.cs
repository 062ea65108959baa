using Cl37.Bot.Content;

namespace Cl37.Bot.Quiz;

/// <summary>What regrading one question does (or did) to the group's stored answers.</summary>
/// <param name="Stale">Answers graded against another version (or before versions were recorded).</param>
/// <param name="Changed">Answers whose points or right/wrong change.</param>
/// <param name="Gained">People whose points go up, and by how many in all.</param>
/// <param name="Lost">People whose points go down, and by how many in all (a positive number).</param>
/// <param name="EachGained">The points each person gained when they all gained the same; null otherwise.</param>
/// <param name="EachLost">The points each person lost when they all lost the same; null otherwise.</param>
/// <param name="Frozen">Changed answers that counted in a finished competition whose standings stay.</param>
public sealed record QuestionRegrade(
    Question Question,
    int Stale,
    int Changed,
    int Gained,
    double GainedPoints,
    int Lost,
    double LostPoints,
    double? EachGained,
    double? EachLost,
    int Frozen);
