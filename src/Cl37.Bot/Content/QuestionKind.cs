namespace Cl37.Bot.Content;

public enum QuestionKind
{
    SingleChoice,
    MultipleSelect,
    Numerical,
    FillIn,
}
