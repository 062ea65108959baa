namespace Cl37.Bot.Content;

/// <summary>A question as a GIFT or Moodle XML file gives it, before it becomes a <see cref="Question"/>.</summary>
internal sealed class ImportedQuestion(string sourceFile, int line)
{
    public string SourceFile { get; } = sourceFile;

    public int Line { get; } = line;

    public ImportedKind Kind { get; set; }

    public string? Title { get; set; }

    /// <summary>Moodle XML's <c>&lt;idnumber&gt;</c>: the id the author gave the question.</summary>
    public string? IdNumber { get; set; }

    public string? Category { get; set; }

    /// <summary>The question text as light Markdown.</summary>
    public string Prompt { get; set; } = "";

    /// <summary>Choice questions: more than one option may be picked (GIFT without <c>=</c>, Moodle XML <c>&lt;single&gt;false</c>).</summary>
    public bool MultipleAnswers { get; set; }

    /// <summary>True when the file gave weights (<c>%50%</c>, Moodle XML's <c>fraction</c>): the
    /// question is then graded by Moodle's rule.</summary>
    public bool Weighted { get; set; }

    public List<ImportedAnswer> Answers { get; } = [];

    public string GeneralFeedback { get; set; } = "";

    public bool CaseSensitive { get; set; }

    public List<AnswerUnit> Units { get; } = [];

    public List<string> Pictures { get; } = [];

    /// <summary>True/false: the right value and the feedback shown for each pick.</summary>
    public bool TrueFalseAnswer { get; set; }
}
