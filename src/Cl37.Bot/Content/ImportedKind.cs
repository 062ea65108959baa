namespace Cl37.Bot.Content;

internal enum ImportedKind
{
    Choice,
    TrueFalse,
    Numerical,
    ShortAnswer,
}
