using System.Globalization;
using System.Text;
using System.Xml;

namespace Cl37.Bot.Content;

/// <summary>Writes a deck as Markdown, GIFT or Moodle XML, and says what the target cannot carry.
/// Choice weights are written so the target grades as the deck does: a multiple-select question of a
/// Markdown deck gives each right option +1/n and each wrong one −1/n, which is the deck's own rule
/// (right − wrong, out of n, never below zero) in Moodle's terms.</summary>
public static class DeckWriter
{
    /// <summary>The format a file name asks for, or null.</summary>
    public static DeckFormat? FormatOf(string path)
    {
        if (path.EndsWith(".gift", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gift.txt", StringComparison.OrdinalIgnoreCase))
            return DeckFormat.Gift;
        if (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            return DeckFormat.MoodleXml;
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            return DeckFormat.Markdown;
        return null;
    }

    /// <summary>The format a person named (<c>gift</c>, <c>moodle-xml</c>, <c>xml</c>, <c>markdown</c>, <c>md</c>), or null.</summary>
    public static DeckFormat? ParseFormat(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "gift" => DeckFormat.Gift,
        "moodle-xml" or "moodlexml" or "xml" or "moodle" => DeckFormat.MoodleXml,
        "markdown" or "md" => DeckFormat.Markdown,
        _ => null,
    };

    public static DeckExport Write(Deck deck, DeckFormat format) => format switch
    {
        DeckFormat.Gift => Gift(deck),
        DeckFormat.MoodleXml => MoodleXml(deck),
        _ => Markdown(deck),
    };

    /// <summary>The question text with its given values, as a person sees it.</summary>
    public static string PromptWithGiven(Question q) =>
        q.Given is { Length: > 0 } given ? q.Prompt + "\n\n**Given:**\n" + given : q.Prompt;

    /// <summary>The explanation, or the solution steps where the deck has none.</summary>
    public static string ExplanationOrSteps(Question q) =>
        q.Explanation.Length > 0 ? q.Explanation : string.Join("\n", q.SolutionSteps);

    private static DeckExport Gift(Deck deck)
    {
        var losses = new Losses();
        var sb = new StringBuilder();
        sb.Append("// ").Append(deck.Title.Replace('\n', ' ')).Append('\n');
        string? topic = null;
        foreach (var q in deck.Questions)
        {
            if (q.Topic != topic)
            {
                topic = q.Topic;
                sb.Append("\n$CATEGORY: ").Append(deck.Id).Append('/').Append(topic).Append('\n');
            }
            CommonLosses(q, losses, carriesUnits: false, carriesPictures: false);
            if (q.CaseSensitive)
                losses.Add("case-sensitive short answers (GIFT has no such switch)", q);
            sb.Append('\n').Append("::").Append(Escape(q.Title ?? (q.GivenId is null ? Label(q) : GivenSlug(q)))).Append("::[markdown]").Append(Escape(PromptWithGiven(q))).Append(" {");
            switch (q.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleSelect:
                    foreach (var (key, text, fraction, feedback) in Choices(q))
                    {
                        sb.Append("\n  ");
                        if (q.Kind == QuestionKind.SingleChoice && fraction >= 1)
                            sb.Append('=');
                        else if (q.Kind == QuestionKind.SingleChoice && fraction == 0 && q.Weights is null)
                            sb.Append('~');
                        else
                            sb.Append("~%").Append(Percent(fraction)).Append('%');
                        sb.Append(Escape(text));
                        if (feedback is { Length: > 0 })
                            sb.Append(" #").Append(Escape(feedback));
                    }
                    break;
                case QuestionKind.Numerical:
                    sb.Append('#');
                    foreach (var (part, fraction, feedback) in Numbers(q, losses))
                    {
                        sb.Append("\n  =");
                        if (fraction < 1)
                            sb.Append('%').Append(Percent(fraction)).Append('%');
                        sb.Append(NumericText.Format(part.Value));
                        if (part.AbsoluteTolerance > 0)
                            sb.Append(':').Append(NumericText.Format(part.AbsoluteTolerance));
                        if (feedback is { Length: > 0 })
                            sb.Append(" #").Append(Escape(feedback));
                    }
                    break;
                default:
                    foreach (var (text, fraction, feedback) in ShortAnswers(q))
                    {
                        sb.Append("\n  =");
                        if (fraction < 1)
                            sb.Append('%').Append(Percent(fraction)).Append('%');
                        sb.Append(Escape(text));
                        if (feedback is { Length: > 0 })
                            sb.Append(" #").Append(Escape(feedback));
                    }
                    break;
            }
            var explanation = ExplanationOrSteps(q);
            if (explanation.Length > 0)
                sb.Append("\n  ####").Append(Escape(explanation));
            sb.Append("\n}\n");
        }
        if (deck.Revision.Count > 0)
            losses.Add($"revision notes ({deck.Revision.Count} sections: GIFT holds questions only)");
        return new DeckExport(sb.ToString(), deck.Id + ".gift", "text/plain", losses.Lines("GIFT"));
    }

    private static DeckExport MoodleXml(Deck deck)
    {
        var losses = new Losses();
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true, NewLineChars = "\n" };
        using (var w = XmlWriter.Create(sb, settings))
        {
            w.WriteStartElement("quiz");
            string? topic = null;
            foreach (var q in deck.Questions)
            {
                if (q.Topic != topic)
                {
                    topic = q.Topic;
                    w.WriteStartElement("question");
                    w.WriteAttributeString("type", "category");
                    w.WriteStartElement("category");
                    w.WriteElementString("text", $"$course$/top/{deck.Id}/{topic}");
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                CommonLosses(q, losses, carriesUnits: true, carriesPictures: false);
                var type = q.Kind switch
                {
                    QuestionKind.SingleChoice or QuestionKind.MultipleSelect => "multichoice",
                    QuestionKind.Numerical => "numerical",
                    _ => "shortanswer",
                };
                w.WriteStartElement("question");
                w.WriteAttributeString("type", type);
                w.WriteStartElement("name");
                w.WriteElementString("text", Label(q));
                w.WriteEndElement();
                // Moodle's own id slot: the question keeps its id, and its history, when the file is read back.
                w.WriteElementString("idnumber", GivenSlug(q));
                Rich(w, "questiontext", PromptWithGiven(q));
                Rich(w, "generalfeedback", ExplanationOrSteps(q));
                w.WriteElementString("defaultgrade", "1");
                w.WriteElementString("penalty", "0");
                w.WriteElementString("hidden", "0");
                switch (q.Kind)
                {
                    case QuestionKind.SingleChoice or QuestionKind.MultipleSelect:
                        w.WriteElementString("single", q.Kind == QuestionKind.SingleChoice ? "true" : "false");
                        w.WriteElementString("shuffleanswers", "0");
                        w.WriteElementString("answernumbering", "ABCD");
                        foreach (var (_, text, fraction, feedback) in Choices(q))
                            Answer(w, text, fraction, feedback, null);
                        break;
                    case QuestionKind.Numerical:
                        foreach (var (part, fraction, feedback) in Numbers(q, losses))
                            Answer(w, NumericText.Format(part.Value), fraction, feedback, part.AbsoluteTolerance);
                        var units = q.Units.Count > 0 ? q.Units : q.NumericParts.FirstOrDefault()?.Unit is { } unit ? [new AnswerUnit(unit, 1)] : [];
                        if (units.Count > 0)
                        {
                            w.WriteStartElement("units");
                            foreach (var u in units)
                            {
                                w.WriteStartElement("unit");
                                w.WriteElementString("multiplier", u.Multiplier.ToString("R", CultureInfo.InvariantCulture));
                                w.WriteElementString("unit_name", u.Name);
                                w.WriteEndElement();
                            }
                            w.WriteEndElement();
                        }
                        break;
                    default:
                        w.WriteElementString("usecase", q.CaseSensitive ? "1" : "0");
                        foreach (var (text, fraction, feedback) in ShortAnswers(q))
                            Answer(w, text, fraction, feedback, null);
                        break;
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        if (deck.Revision.Count > 0)
            losses.Add($"revision notes ({deck.Revision.Count} sections: Moodle XML holds questions only)");
        return new DeckExport("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + sb + "\n", deck.Id + ".xml", "application/xml", losses.Lines("Moodle XML"));
    }

    private static DeckExport Markdown(Deck deck)
    {
        var losses = new Losses();
        var sb = new StringBuilder();
        sb.Append("# ").Append(deck.Title).Append("\n\n---\n");
        foreach (var section in new[] { "mcq", "msq", "numerical", "fill" })
        {
            var questions = deck.Questions.Where(q => q.Section == section).OrderBy(q => q.Number).ToList();
            if (questions.Count == 0)
                continue;
            sb.Append("\n## ").Append(section switch
            {
                "mcq" => "Multiple Choice Questions (MCQ)",
                "msq" => "Multiple Select Questions (MSQ)",
                "numerical" => "Numerical Questions",
                _ => "Fill in the Blanks",
            }).Append('\n');
            foreach (var q in questions)
            {
                if (q.Weights is not null && !WeightsAreTheDeckRule(q))
                    losses.Add("answer weights (Markdown decks grade by their own rule)", q);
                if (q.Title is not null)
                    losses.Add("question titles (Markdown numbers its questions)", q);
                if (q.WhyRight.Count > 0 || q.Weights?.Any(w => w.Feedback is not null && q.Kind is QuestionKind.Numerical or QuestionKind.FillIn) == true)
                    losses.Add("feedback for right answers", q);
                if (q.CaseSensitive)
                    losses.Add("case-sensitive short answers", q);
                if (q.Units.Count > 1)
                    losses.Add("other units an answer may be typed in", q);
                sb.Append("\n### ").Append(DeckLabels.Label(q.Section, q.Number));
                if (q.GivenId is not null)
                    sb.Append(" {#").Append(GivenSlug(q)).Append('}');
                sb.Append('\n');
                sb.Append("**Question:** ").Append(q.Prompt.Replace("\n\n", "\n", StringComparison.Ordinal)).Append("\n\n");
                if (q.Given is { Length: > 0 } given)
                    sb.Append("**Given:**\n").Append(given).Append("\n\n");
                if (q.Options.Count > 0)
                {
                    sb.Append("**Options:**\n");
                    foreach (var o in q.Options)
                        sb.Append("- ").Append(o.Key).Append(") ").Append(o.Text.Replace('\n', ' ')).Append('\n');
                    sb.Append('\n');
                    sb.Append(q.CorrectKeys.Count > 1 ? "**Correct Answers:** " : "**Correct Answer:** ").Append(string.Join(", ", q.CorrectKeys)).Append("\n\n");
                }
                if (q.SolutionSteps.Count > 0)
                {
                    sb.Append("**Solution Steps:**\n");
                    for (var i = 0; i < q.SolutionSteps.Count; i++)
                        sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {q.SolutionSteps[i]}\n");
                    sb.Append('\n');
                }
                if (q.Kind == QuestionKind.Numerical)
                    sb.Append("**Final Answer:** ").Append(q.AnswerText).Append("\n\n");
                else if (q.Kind == QuestionKind.FillIn)
                    sb.Append("**Answer:** ").Append(FillAnswer(q)).Append("\n\n");
                if (q.Explanation.Length > 0)
                    sb.Append("**Explanation:** ").Append(q.Explanation.Replace("\n\n", "\n", StringComparison.Ordinal)).Append("\n\n");
                if (q.WhyWrong.Count > 0)
                {
                    sb.Append("**Why Others Are Wrong:**\n");
                    foreach (var o in q.Options.Where(o => q.WhyWrong.ContainsKey(o.Key)))
                        sb.Append("- ").Append(o.Key).Append(") ").Append(q.WhyWrong[o.Key].Replace('\n', ' ')).Append('\n');
                    sb.Append('\n');
                }
                sb.Append("---\n");
            }
        }
        foreach (var r in deck.Revision)
            sb.Append("\n## ").Append(r.Title).Append("\n\n").Append(r.Markdown).Append('\n');
        return new DeckExport(sb.ToString(), deck.Id + ".md", "text/markdown", losses.Lines("Markdown"));
    }

    private static string FillAnswer(Question q)
    {
        var accepted = q.AcceptedAnswers.Count > 0 ? q.AcceptedAnswers : [q.AnswerText];
        if (DeckParser.AcceptedAnswersOf(q.AnswerText).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(accepted))
            return q.AnswerText;
        // "A or B" reads back as exactly A and B; "A (or B)" would also accept the whole text "A (B)".
        return string.Join(" or ", accepted);
    }

    /// <summary>True when the weights grade exactly as the deck's own rule would (every right option full credit, the rest none, one right answer).</summary>
    private static bool WeightsAreTheDeckRule(Question q) => q.Kind == QuestionKind.SingleChoice
        && q.Weights!.All(w => w.Fraction is 0 or 1) && q.Weights!.Count(w => w.Fraction == 1) == 1;

    private static IEnumerable<(string Key, string Text, double Fraction, string? Feedback)> Choices(Question q)
    {
        var right = q.CorrectKeys.Count;
        foreach (var o in q.Options)
        {
            var isRight = q.CorrectKeys.Contains(o.Key);
            var fraction = q.Weights?.FirstOrDefault(w => w.Answer == o.Key)?.Fraction
                ?? (q.Kind == QuestionKind.SingleChoice ? (isRight ? 1 : 0) : (isRight ? 1.0 / right : -1.0 / right));
            var feedback = q.WhyWrong.GetValueOrDefault(o.Key) ?? q.WhyRight.GetValueOrDefault(o.Key);
            yield return (o.Key, o.Text, fraction, feedback);
        }
    }

    private static IEnumerable<(NumericPart Part, double Fraction, string? Feedback)> Numbers(Question q, Losses losses)
    {
        if (q.Weights is { } weights)
            return weights.Where(w => w.Number is not null).Select(w => (w.Number!, w.Fraction, w.Feedback));
        if (q.NumericParts.Count > 1)
            losses.Add($"numerical answers in several parts (only the first number is written: {q.NumericParts[0].Name ?? "part 1"})", q);
        var first = q.NumericParts[0];
        var tolerance = Math.Max(first.AbsoluteTolerance, first.RelativeTolerance * Math.Abs(first.Value));
        return [(first with { AbsoluteTolerance = tolerance }, 1.0, null)];
    }

    private static IEnumerable<(string Text, double Fraction, string? Feedback)> ShortAnswers(Question q)
    {
        if (q.Weights is { } weights)
            return weights.Select(w => (w.Answer, w.Fraction, w.Feedback));
        var accepted = q.AcceptedAnswers.Count > 0 ? q.AcceptedAnswers : [q.AnswerText];
        return accepted.Select(a => (a, 1.0, (string?)null));
    }

    private static void CommonLosses(Question q, Losses losses, bool carriesUnits, bool carriesPictures)
    {
        if (q.SolutionSteps.Count > 0)
        {
            losses.Add(q.Explanation.Length > 0
                ? "solution steps beside an explanation (only the explanation is written)"
                : "solution steps as their own list (written as the explanation)", q);
        }
        if (q.Given is { Length: > 0 })
            losses.Add("the Given block as its own field (written into the question text)", q);
        if (q.Kind == QuestionKind.Numerical && !carriesUnits && (q.NumericParts.FirstOrDefault()?.Unit is not null || q.Units.Count > 0))
            losses.Add("units of numerical answers", q);
        if (!carriesPictures && q.Pictures.Count > 0)
            losses.Add("pictures (only their [picture: …] notes are kept)", q);
    }

    private static void Rich(XmlWriter w, string element, string markdown)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("format", "markdown");
        w.WriteStartElement("text");
        w.WriteString(markdown);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Answer(XmlWriter w, string text, double fraction, string? feedback, double? tolerance)
    {
        w.WriteStartElement("answer");
        w.WriteAttributeString("fraction", Percent(fraction));
        w.WriteAttributeString("format", "markdown");
        w.WriteElementString("text", text);
        if (tolerance is { } t)
            w.WriteElementString("tolerance", NumericText.Format(t));
        if (feedback is { Length: > 0 })
        {
            w.WriteStartElement("feedback");
            w.WriteAttributeString("format", "markdown");
            w.WriteElementString("text", feedback);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>A fraction as Moodle writes a percentage: 100, 50, 33.33333, -50.</summary>
    private static string Percent(double fraction) => Math.Round(fraction * 100, 5).ToString("0.#####", CultureInfo.InvariantCulture);

    // The id as stored, without its deck: a file read back gives the question the same id.
    private static string GivenSlug(Question q) => QuestionIds.Local(q);

    private static string Label(Question q) => q.Title ?? DeckLabels.Label(q.Section, q.Number);

    /// <summary>GIFT's escapes: the special characters get a backslash, line breaks become <c>\n</c>.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '~' or '=' or '#' or '{' or '}' or ':' or '\\')
                sb.Append('\\').Append(c);
            else if (c == '\n')
                sb.Append("\\n");
            else if (c != '\r')
                sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>What a target could not carry, one line per kind with the questions it concerns.</summary>
    private sealed class Losses
    {
        private readonly Dictionary<string, List<string>> _byKind = [];

        public void Add(string kind, Question? q = null)
        {
            if (!_byKind.TryGetValue(kind, out var list))
                _byKind[kind] = list = [];
            if (q is not null)
                list.Add(Label(q));
        }

        public IReadOnlyList<string> Lines(string format) =>
            [.. _byKind.Select(p => $"{format} cannot carry {p.Key}" + (p.Value.Count == 0 ? "." : $": {Shorten(string.Join(", ", p.Value))}."))];

        private static string Shorten(string s) => s.Length <= 120 ? s : s[..120] + "…";
    }
}
