using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Cl37.Bot.Content;

/// <summary>Reads Moodle XML (docs.moodle.org, "Moodle XML format"): <c>&lt;quiz&gt;</c> holding
/// <c>&lt;question type="…"&gt;</c> elements. DTDs are refused outright, so neither an external entity
/// nor an entity expansion bomb is ever read. Types this bot has no counterpart for are skipped with
/// a line each. Never throws.</summary>
public static class MoodleXmlParser
{
    private static readonly Dictionary<string, string> SkippedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["matching"] = "matching",
        ["match"] = "matching",
        ["randomsamatch"] = "random short-answer matching",
        ["essay"] = "essay",
        ["cloze"] = "embedded answers (cloze)",
        ["multianswer"] = "embedded answers (cloze)",
        ["calculated"] = "calculated",
        ["calculatedsimple"] = "simple calculated",
        ["calculatedmulti"] = "calculated multichoice",
        ["description"] = "description",
        ["ddwtos"] = "drag and drop into text",
        ["ddimageortext"] = "drag and drop onto image",
        ["ddmarker"] = "drag and drop markers",
        ["gapselect"] = "select missing words",
        ["ordering"] = "ordering",
        ["random"] = "random",
    };

    public static DeckParseResult Parse(string sourceFile, byte[] bytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = DeckLoader.MaxFileBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument doc;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            // The DTD refusal carries no position; the line is where the DOCTYPE starts.
            var line = ex.LineNumber > 0 ? ex.LineNumber : LineOf(bytes, "<!DOCTYPE"u8);
            return Fail(sourceFile, line, Explain(ex));
        }
        catch (Exception ex) when (ex is System.Text.DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            return Fail(sourceFile, 1, "the file is not in the encoding it declares; save it as UTF-8 (" + ex.Message + ").");
        }

        if (doc.Root is not { Name.LocalName: "quiz" } root)
            return Fail(sourceFile, Line(doc.Root), $"this XML is not a Moodle question file: its root is <{doc.Root?.Name.LocalName}>, not <quiz>.");

        var errors = new List<DeckError>();
        var skipped = new List<DeckError>();
        var questions = new List<ImportedQuestion>();
        string? category = null;
        foreach (var element in root.Elements())
        {
            if (element.Name.LocalName != "question")
            {
                errors.Add(new DeckError(sourceFile, Line(element), $"<{element.Name.LocalName}> in <quiz>: only <question> elements belong there; it is left out."));
                continue;
            }
            var type = (string?)element.Attribute("type") ?? "";
            if (type == "category")
            {
                category = Text(element.Element("category"));
                continue;
            }
            var name = Text(element.Element("name"));
            var label = name.Length > 0 ? $"`{Short(name)}`: " : "";
            if (SkippedTypes.TryGetValue(type, out var skippedName) || type is not ("multichoice" or "truefalse" or "shortanswer" or "numerical"))
            {
                skipped.Add(new DeckError(sourceFile, Line(element), $"{label}skipped: {skippedName ?? $"`{type}`"} — this bot has no such question type."));
                continue;
            }
            var (question, error) = Question(sourceFile, element, type, category);
            if (error is not null)
                errors.Add(new DeckError(sourceFile, error.Value.Line, label + error.Value.Message));
            else
                questions.Add(question!);
        }
        return ImportedDeck.Build(sourceFile, questions, errors, skipped);
    }

    private static (ImportedQuestion?, (int Line, string Message)?) Question(string sourceFile, XElement element, string type, string? category)
    {
        var q = new ImportedQuestion(sourceFile, Line(element))
        {
            Title = Text(element.Element("name")),
            IdNumber = ((string?)element.Element("idnumber"))?.Trim(),
            Category = category,
            // The file weighs every answer (fraction="…"), so Moodle's rule grades it.
            Weighted = true,
        };
        q.Prompt = Rich(element.Element("questiontext"), q.Pictures);
        if (q.Prompt.Length == 0)
            return (null, (Line(element), "the question has no <questiontext>."));
        q.GeneralFeedback = Rich(element.Element("generalfeedback"), q.Pictures);
        foreach (var file in element.Descendants("file"))
        {
            if ((string?)file.Attribute("name") is { Length: > 0 } fileName && !q.Pictures.Contains(fileName))
                q.Pictures.Add(fileName);
        }

        foreach (var answer in element.Elements("answer"))
        {
            var fractionText = ((string?)answer.Attribute("fraction"))?.Trim() ?? "0";
            if (!double.TryParse(fractionText, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
                return (null, (Line(answer), $"the answer's fraction `{fractionText}` is not a number."));
            if (percent is > 100 or < -100)
                return (null, (Line(answer), $"the answer's fraction {fractionText}% is {(percent > 100 ? "over 100%" : "below -100%")}; fractions run from -100 to 100."));
            var pictures = new List<string>();
            var text = type == "multichoice" ? Rich(answer, pictures) : Text(answer);
            q.Pictures.AddRange(pictures.Where(p => !q.Pictures.Contains(p)));
            var feedback = Rich(answer.Element("feedback"), q.Pictures);
            NumericPart? number = null;
            if (type == "numerical")
            {
                // `*` as a numerical answer matches anything (Moodle's catch-all feedback).
                if (text == "*")
                    number = new NumericPart(null, 0, null, double.PositiveInfinity, 0);
                else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                    return (null, (Line(answer), $"`{Short(text)}` is not a number."));
                else
                {
                    var toleranceText = Text(answer.Element("tolerance"));
                    var tolerance = 0.0;
                    if (toleranceText.Length > 0 && !double.TryParse(toleranceText, NumberStyles.Float, CultureInfo.InvariantCulture, out tolerance))
                        return (null, (Line(answer), $"the tolerance `{Short(toleranceText)}` is not a number."));
                    number = new NumericPart(null, value, null, Math.Abs(tolerance), 0);
                }
            }
            if (text.Length == 0)
                return (null, (Line(answer), "an answer with no text."));
            q.Answers.Add(new ImportedAnswer(text, percent / 100, feedback, number));
        }

        switch (type)
        {
            case "truefalse":
                var truth = q.Answers.FirstOrDefault(a => a.Text.Equals("true", StringComparison.OrdinalIgnoreCase));
                var falsity = q.Answers.FirstOrDefault(a => a.Text.Equals("false", StringComparison.OrdinalIgnoreCase));
                if (truth is null || falsity is null)
                    return (null, (q.Line, "a true/false question needs a `true` and a `false` answer."));
                q.Kind = ImportedKind.TrueFalse;
                q.Weighted = false;
                q.TrueFalseAnswer = truth.Fraction >= falsity.Fraction;
                q.Answers.Clear();
                q.Answers.Add(truth with { Text = "A" });
                q.Answers.Add(falsity with { Text = "B" });
                break;
            case "multichoice":
                q.Kind = ImportedKind.Choice;
                q.MultipleAnswers = !string.Equals(Text(element.Element("single")), "true", StringComparison.OrdinalIgnoreCase)
                    && Text(element.Element("single")) is not "1";
                if (q.Answers.Count < 2)
                    return (null, (q.Line, "a multiple-choice question needs at least two answers."));
                if (!q.Answers.Any(a => a.Fraction > 0))
                    return (null, (q.Line, "no answer earns any credit (every fraction is 0 or less)."));
                break;
            case "shortanswer":
                q.Kind = ImportedKind.ShortAnswer;
                q.CaseSensitive = Text(element.Element("usecase")) is "1" or "true";
                if (!q.Answers.Any(a => a.Fraction > 0))
                    return (null, (q.Line, "no answer earns any credit."));
                break;
            default:
                q.Kind = ImportedKind.Numerical;
                if (!q.Answers.Any(a => a.Fraction > 0 && a.Number is { AbsoluteTolerance: < double.PositiveInfinity }))
                    return (null, (q.Line, "no number earns any credit."));
                foreach (var unit in element.Element("units")?.Elements("unit") ?? [])
                {
                    var unitName = Text(unit.Element("unit_name"));
                    var multiplierText = Text(unit.Element("multiplier"));
                    if (unitName.Length == 0)
                        continue;
                    if (!double.TryParse(multiplierText.Length == 0 ? "1" : multiplierText, NumberStyles.Float, CultureInfo.InvariantCulture, out var multiplier) || multiplier == 0)
                        return (null, (Line(unit), $"the unit `{unitName}` has the multiplier `{multiplierText}`, which is not a number other than 0."));
                    q.Units.Add(new AnswerUnit(unitName, multiplier));
                }
                // The answer's own unit (multiplier 1) comes first.
                q.Units.Sort((a, b) => (a.Multiplier == 1 ? 0 : 1).CompareTo(b.Multiplier == 1 ? 0 : 1));
                q.Answers.RemoveAll(a => a.Number is { AbsoluteTolerance: double.PositiveInfinity });
                break;
        }
        return (q, null);
    }

    private static string Explain(XmlException ex)
    {
        var m = ex.Message;
        if (m.Contains("DTD", StringComparison.Ordinal))
            return "the file has a DTD (`<!DOCTYPE …>`); Moodle XML needs none, and one is refused because it can pull in other files or expand without end.";
        if (m.Contains("encoding", StringComparison.OrdinalIgnoreCase) || m.Contains("Invalid character", StringComparison.OrdinalIgnoreCase))
            return "the file is not in the encoding it declares (UTF-8 unless its first line says otherwise); save it as UTF-8.";
        if (m.Contains("MaxCharactersInDocument", StringComparison.Ordinal) || m.Contains("maximum", StringComparison.OrdinalIgnoreCase))
            return $"the file is too large (at most {DeckLoader.MaxFileBytes / 1_000_000} MB).";
        var at = m.IndexOf(" Line ", StringComparison.Ordinal);
        return "the XML is malformed: " + (at > 0 ? m[..at] : m);
    }

    /// <summary>A <c>&lt;text&gt;</c> child in the element's format (<c>html</c>, <c>markdown</c>,
    /// <c>plain_text</c>, <c>moodle_auto_format</c>) as light Markdown.</summary>
    private static string Rich(XElement? element, ICollection<string> pictures)
    {
        if (element is null)
            return "";
        var text = Text(element);
        var format = (string?)element.Attribute("format") ?? "html";
        return format switch
        {
            "markdown" or "plain_text" => text,
            "moodle_auto_format" when !MarkupText.LooksLikeHtml(text) => text,
            _ => MarkupText.FromHtml(text, pictures),
        };
    }

    private static string Text(XElement? element) => element?.Element("text")?.Value.Trim() ?? element?.Value.Trim() ?? "";

    private static int LineOf(byte[] bytes, ReadOnlySpan<byte> marker)
    {
        var at = bytes.AsSpan().IndexOf(marker);
        return at < 0 ? 1 : bytes.AsSpan(0, at).Count((byte)'\n') + 1;
    }

    private static int Line(XElement? element) => element is IXmlLineInfo { LineNumber: > 0 } info ? info.LineNumber : 1;

    private static DeckParseResult Fail(string file, int line, string message) => new(null, [new DeckError(file, line, message)]);

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
