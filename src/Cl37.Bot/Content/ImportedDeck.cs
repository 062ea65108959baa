using System.Globalization;

namespace Cl37.Bot.Content;

/// <summary>Turns the questions a GIFT or Moodle XML file gave into a deck on the same model as the
/// Markdown decks: numbered per type in file order (MCQ 1, Fill 2), the
/// category's last part as the topic, general feedback as the explanation, per-answer feedback as
/// what the person sees for that pick.</summary>
internal static class ImportedDeck
{
    /// <summary>The deck id of an imported file: its name without <c>.gift</c>, <c>.gift.txt</c> or <c>.xml</c>.</summary>
    public static string IdOf(string sourceFile)
    {
        var name = Path.GetFileName(sourceFile);
        foreach (var ext in new[] { ".gift.txt", ".gift", ".xml", ".md" })
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                return name[..^ext.Length];
        }
        return Path.GetFileNameWithoutExtension(name);
    }

    public static DeckParseResult Build(string sourceFile, IReadOnlyList<ImportedQuestion> imported, List<DeckError> errors, List<DeckError> skipped)
    {
        var deckId = IdOf(sourceFile);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var questions = new List<Question>(imported.Count);
        foreach (var item in imported)
        {
            var section = SectionOf(item);
            var number = numbers[section] = numbers.GetValueOrDefault(section) + 1;
            questions.Add(ToQuestion(deckId, section, number, item));
        }
        if (questions.Count == 0 && errors.Count == 0 && skipped.Count == 0)
            errors.Add(new DeckError(sourceFile, 1, "no questions found in this file."));
        var howToName = sourceFile.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "an `<idnumber>`" : "a `::title::`";
        questions = QuestionIds.KeepDistinct(questions, errors, howToName);
        var deck = questions.Count == 0 ? null : new Deck(deckId, deckId, sourceFile, questions, []);
        return new DeckParseResult(deck, errors) { Skipped = skipped };
    }

    private static string SectionOf(ImportedQuestion q) => q.Kind switch
    {
        ImportedKind.Choice when q.MultipleAnswers => "msq",
        ImportedKind.Choice or ImportedKind.TrueFalse => "mcq",
        ImportedKind.Numerical => "numerical",
        _ => "fill",
    };

    private static Question ToQuestion(string deckId, string section, int number, ImportedQuestion q)
    {
        List<QuestionOption> options = [];
        List<string> keys = [];
        var whyWrong = new Dictionary<string, string>(StringComparer.Ordinal);
        var whyRight = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<NumericPart> parts = [];
        IReadOnlyList<string> accepted = [];
        List<WeightedAnswer>? weights = null;
        string answerText;
        QuestionKind kind;

        switch (q.Kind)
        {
            case ImportedKind.TrueFalse:
                kind = QuestionKind.SingleChoice;
                options = [new("A", "True"), new("B", "False")];
                var right = q.TrueFalseAnswer ? "A" : "B";
                keys = [right];
                for (var i = 0; i < q.Answers.Count && i < 2; i++)
                    AddFeedback(q.Answers[i].Fraction > 0 ? whyRight : whyWrong, q.Answers[i].Text, q.Answers[i].Feedback);
                answerText = right;
                break;
            case ImportedKind.Choice:
                kind = q.MultipleAnswers ? QuestionKind.MultipleSelect : QuestionKind.SingleChoice;
                for (var i = 0; i < q.Answers.Count; i++)
                {
                    var key = KeyOf(i);
                    var a = q.Answers[i];
                    options.Add(new QuestionOption(key, a.Text));
                    // Without weights, a single-choice question's right answers are the full-credit ones;
                    // with them, every answer that earns something is shown as part of the key.
                    if (q.MultipleAnswers ? a.Fraction > 0 : a.Fraction >= 1)
                        keys.Add(key);
                    AddFeedback(a.Fraction > 0 ? whyRight : whyWrong, key, a.Feedback);
                }
                if (q.Weighted)
                    weights = [.. q.Answers.Select((a, i) => new WeightedAnswer(KeyOf(i), a.Fraction, NullIfEmpty(a.Feedback)))];
                answerText = string.Join(", ", keys);
                break;
            case ImportedKind.Numerical:
                kind = QuestionKind.Numerical;
                var unit = q.Units.FirstOrDefault()?.Name;
                var numeric = q.Answers.Where(a => a.Number is not null).ToList();
                var best = numeric.OrderByDescending(a => a.Fraction).First();
                parts = [best.Number! with { Unit = unit }];
                answerText = NumberText(best.Number!, unit);
                if (q.Weighted || numeric.Count > 1)
                    weights = [.. numeric.Select(a => new WeightedAnswer(NumberText(a.Number!, unit), a.Fraction, NullIfEmpty(a.Feedback), a.Number! with { Unit = unit }))];
                break;
            default:
                kind = QuestionKind.FillIn;
                var full = q.Answers.Where(a => a.Fraction >= 1).Select(a => a.Text).ToList();
                accepted = full.Count > 0 ? full : [.. q.Answers.Where(a => a.Fraction > 0).OrderByDescending(a => a.Fraction).Select(a => a.Text)];
                answerText = accepted.FirstOrDefault() ?? "";
                if (q.Weighted || q.Answers.Any(a => a.Text.Contains('*', StringComparison.Ordinal)))
                    weights = [.. q.Answers.Select(a => new WeightedAnswer(a.Text, a.Fraction, NullIfEmpty(a.Feedback)))];
                break;
        }

        var topic = q.Category is { } category ? TopicOf(category) : null;
        if (string.IsNullOrEmpty(topic))
        {
            topic = Topics.Classify(q.Prompt);
            if (topic == Topics.Fallback)
                topic = Topics.Classify(q.Prompt + "\n" + answerText + "\n" + q.GeneralFeedback);
        }
        var label = DeckLabels.Label(section, number);
        // A title that only repeats the question's place ("MCQ 3", as exports write it) is no identity.
        var title = string.IsNullOrWhiteSpace(q.Title) || q.Title.Trim() == label ? null : q.Title.Trim();
        var givenId = string.IsNullOrWhiteSpace(q.IdNumber) ? title : q.IdNumber.Trim();
        var id = givenId is null ? QuestionIds.Fingerprint(deckId, section, q.Prompt) : QuestionIds.Given(deckId, givenId);
        return new Question(
            id, deckId, section, number, kind, q.Prompt, options, keys, q.GeneralFeedback,
            whyWrong, null, [], answerText, parts, accepted, topic, q.SourceFile, q.Line)
        {
            // A title that only repeats the label the question gets anyway (as exports write it) adds nothing.
            Title = title,
            GivenId = givenId,
            Weights = weights,
            CaseSensitive = q.CaseSensitive,
            WhyRight = whyRight,
            Units = [.. q.Units],
            Pictures = [.. q.Pictures],
        };
    }

    /// <summary>The number as an answer key shows it: <c>3.1415 ± 0.0005</c>, <c>745 MB</c>.</summary>
    internal static string NumberText(NumericPart n, string? unit) =>
        NumericText.Format(n.Value) + (unit is null ? "" : " " + unit) + (n.AbsoluteTolerance > 0 ? " ± " + NumericText.Format(n.AbsoluteTolerance) : "");

    /// <summary>The last part of a category path (<c>$course$/top/Deployment/Docker</c> → Docker).</summary>
    internal static string TopicOf(string category)
    {
        var parts = category.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => !p.StartsWith('$') && !string.Equals(p, "top", StringComparison.OrdinalIgnoreCase)).ToList();
        return parts.Count == 0 ? "" : parts[^1];
    }

    internal static string KeyOf(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : "Z" + (index - 25).ToString(CultureInfo.InvariantCulture);

    private static void AddFeedback(Dictionary<string, string> into, string key, string feedback)
    {
        if (feedback.Length > 0)
            into[key] = feedback;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
