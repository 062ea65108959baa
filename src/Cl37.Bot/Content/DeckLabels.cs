using System.Globalization;

namespace Cl37.Bot.Content;

/// <summary>How a deck heads its questions: "MCQ 9", "MSQ 1", "Numerical 4", "Fill 2".</summary>
public static class DeckLabels
{
    public static string Label(string section, int number) => SectionName(section) + string.Create(CultureInfo.InvariantCulture, $" {number}");

    public static string SectionName(string section) => section switch
    {
        "mcq" => "MCQ",
        "msq" => "MSQ",
        "numerical" => "Numerical",
        "fill" => "Fill",
        _ => "Question",
    };
}
