using System.Text;
using System.Text.RegularExpressions;

namespace Cl37.Bot.Content;

public static partial class DeckParser
{
    private enum Area
    {
        Preamble,
        Questions,
        Revision,
    }

    private sealed record Field(string Name, int Line, string Inline, List<(int Line, string Text)> Lines);

    private sealed class QuestionBlock(string heading, int line, int number, string? givenId)
    {
        public string Heading { get; } = heading;

        public string? GivenId { get; } = givenId;

        public int Line { get; } = line;

        public int Number { get; } = number;

        public Dictionary<string, Field> Fields { get; } = [];

        public Field? Current { get; set; }

        public List<DeckError> Errors { get; } = [];
    }

    private sealed class RevisionBlock(string title, int line)
    {
        public string Title { get; } = title;

        public int Line { get; } = line;

        public List<string> Lines { get; } = [];
    }

    private sealed partial class Reader(string sourceFile, string text)
    {
        private readonly string _deckId = DeckIdOf(sourceFile);
        private readonly List<Question> _questions = [];
        private readonly List<RevisionSection> _revision = [];
        private readonly List<DeckError> _errors = [];
        private readonly Dictionary<(string Section, int Number), int> _seen = [];
        private string? _title;
        private Area _area = Area.Preamble;
        private string _section = "";
        private QuestionBlock? _question;
        private RevisionBlock? _revisionBlock;
        private bool _skipping;
        private bool _inFence;

        public DeckParseResult Read()
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
                text = text[1..];
            if (string.IsNullOrWhiteSpace(text))
                return new DeckParseResult(null, [new DeckError(sourceFile, 1, "the file is empty.")]);

            var lines = LineBreak().Split(text);
            for (var i = 0; i < lines.Length; i++)
                ReadLine(i + 1, MojibakeRepair.Repair(lines[i]));
            FinishBlocks();
            var questions = QuestionIds.KeepDistinct(_questions, _errors, "`{#id}` after its heading (`### MCQ 3 {#onnx-meaning}`)");

            if (questions.Count == 0 && _revision.Count == 0 && _errors.Count == 0)
                _errors.Add(new DeckError(sourceFile, 1, "no questions found: a deck needs `## … Multiple Choice …` sections with `### MCQ 1` headings and `**Question:**` lines."));
            var deck = questions.Count == 0 && _revision.Count == 0
                ? null
                : new Deck(_deckId, _title ?? _deckId, sourceFile, questions, _revision);
            return new DeckParseResult(deck, _errors);
        }

        private void ReadLine(int number, string line)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
                _inFence = !_inFence;
            else if (!_inFence && Heading().Match(trimmed) is { Success: true } h)
            {
                Heading(number, h.Groups[1].Value.Length, StripDecoration(h.Groups[2].Value));
                return;
            }

            if (_area == Area.Revision)
            {
                _revisionBlock?.Lines.Add(line.TrimEnd());
                return;
            }
            if (_question is null || _skipping || _inFence || IsRule(trimmed))
                return;

            if (LabelLine().Match(trimmed) is { Success: true } m && LabelOf(m.Groups[1].Value) is { } label)
            {
                var inline = m.Groups[2].Value.Trim().TrimStart(':').Trim();
                if (_question.Fields.TryGetValue(label, out var earlier))
                {
                    _question.Errors.Add(new DeckError(sourceFile, number, $"{_question.Heading}: a second `{LabelName(label)}` line (the first is on line {earlier.Line})."));
                    _question.Current = null;
                    return;
                }
                var field = new Field(label, number, inline, []);
                _question.Fields[label] = field;
                _question.Current = field;
                return;
            }
            if (trimmed.Length > 0)
                _question.Current?.Lines.Add((number, line.TrimEnd()));
        }

        private void Heading(int line, int level, string title)
        {
            if (level == 1)
            {
                _title ??= title;
                return;
            }
            if (level == 2)
            {
                FinishBlocks();
                var section = SectionOf(title);
                if (section is null)
                {
                    _area = Area.Revision;
                    _revisionBlock = new RevisionBlock(title, line);
                }
                else
                {
                    _area = Area.Questions;
                    _section = section;
                }
                return;
            }
            if (_area == Area.Revision)
            {
                FinishBlocks();
                _revisionBlock = new RevisionBlock(title, line);
                return;
            }
            if (_area != Area.Questions)
                return;
            FinishBlocks();
            string? givenId = null;
            if (GivenIdSuffix().Match(title) is { Success: true } given)
            {
                givenId = given.Groups[1].Value;
                title = title[..given.Index].TrimEnd();
            }
            var number = TrailingNumber().Match(title);
            if (!number.Success || !int.TryParse(number.Groups[1].Value, out var n))
            {
                _errors.Add(new DeckError(sourceFile, line, $"the heading `{Shorten(title)}` has no question number (write it like `### MCQ 3`)."));
                _skipping = true;
                return;
            }
            _skipping = false;
            if (_seen.TryGetValue((_section, n), out var first))
            {
                _errors.Add(new DeckError(sourceFile, line, $"duplicate question number: {title} is already on line {first}; this one is skipped."));
                _skipping = true;
                return;
            }
            _seen[(_section, n)] = line;
            _question = new QuestionBlock(title, line, n, givenId);
        }

        private void FinishBlocks()
        {
            if (_question is not null)
            {
                var built = Build(_question);
                _errors.AddRange(_question.Errors);
                if (_question.Errors.Count == 0 && built is not null)
                    _questions.Add(built);
                _question = null;
            }
            _skipping = false;
            if (_revisionBlock is not null)
            {
                var body = string.Join('\n', _revisionBlock.Lines.Where(l => !IsRule(l.Trim()))).Trim('\n', ' ');
                if (body.Length > 0)
                    _revision.Add(new RevisionSection(_revisionBlock.Title, RevisionKindOf(_revisionBlock.Title), body));
                _revisionBlock = null;
            }
        }

        private Question? Build(QuestionBlock q)
        {
            var kind = _section switch
            {
                "mcq" => QuestionKind.SingleChoice,
                "msq" => QuestionKind.MultipleSelect,
                "numerical" => QuestionKind.Numerical,
                _ => QuestionKind.FillIn,
            };
            var prompt = Text(q, "question");
            if (prompt.Length == 0)
            {
                Error(q, q.Line, "missing the question text (`**Question:** …`).");
                return null;
            }
            var explanation = Text(q, "explanation");
            var given = Text(q, "given");
            var steps = Steps(q);
            List<QuestionOption> options = [];
            List<string> keys = [];
            var whyWrong = new Dictionary<string, string>(StringComparer.Ordinal);
            IReadOnlyList<NumericPart> parts = [];
            IReadOnlyList<string> accepted = [];
            string answerText;

            if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleSelect)
            {
                options = Options(q);
                if (options.Count == 0)
                    return null;
                var answer = Field(q, "correct");
                if (answer is null || Text(q, "correct").Length == 0)
                {
                    Error(q, answer?.Line ?? q.Line, "missing answer (`**Correct Answer:** B`).");
                    return null;
                }
                keys = Keys(q, answer, options, kind);
                if (keys.Count == 0)
                    return null;
                if (Field(q, "whywrong") is { } why)
                {
                    foreach (var (line, raw) in why.Lines.Prepend((why.Line, why.Inline)))
                    {
                        if (OptionLine().Match(raw.Trim()) is not { Success: true } m)
                            continue;
                        var key = m.Groups[1].Value.ToUpperInvariant();
                        if (!options.Any(o => o.Key == key))
                        {
                            Error(q, line, $"a \"why wrong\" line names option {key}, which is not among the options {KeyRange(options)}.");
                            return null;
                        }
                        whyWrong[key] = m.Groups[2].Value.Trim();
                    }
                }
                answerText = string.Join(", ", keys);
            }
            else if (kind == QuestionKind.Numerical)
            {
                answerText = Text(q, "final").Length > 0 ? Text(q, "final") : Text(q, "answer");
                if (answerText.Length == 0)
                {
                    Error(q, Field(q, "final")?.Line ?? q.Line, "missing answer (`**Final Answer:** 745 MB`).");
                    return null;
                }
                parts = NumericText.ParseExpected(answerText);
                if (parts.Count == 0)
                {
                    Error(q, (Field(q, "final") ?? Field(q, "answer"))!.Line, $"the final answer `{Shorten(answerText)}` has no number.");
                    return null;
                }
            }
            else
            {
                answerText = Text(q, "answer").Length > 0 ? Text(q, "answer") : Text(q, "final");
                if (answerText.Length == 0)
                {
                    Error(q, Field(q, "answer")?.Line ?? q.Line, "missing answer (`**Answer:** Serialization`).");
                    return null;
                }
                accepted = AcceptedAnswersOf(answerText);
            }

            var topic = Topics.Classify(prompt);
            if (topic == Topics.Fallback)
                topic = Topics.Classify(prompt + "\n" + answerText + "\n" + explanation);
            var id = q.GivenId is { } givenId ? QuestionIds.Given(_deckId, givenId) : QuestionIds.Fingerprint(_deckId, _section, prompt);
            return new Question(
                id, _deckId, _section, q.Number, kind, prompt, options, keys, explanation,
                whyWrong, given.Length == 0 ? null : given, steps, answerText, parts, accepted, topic, sourceFile, q.Line)
            {
                GivenId = q.GivenId,
            };
        }

        private List<QuestionOption> Options(QuestionBlock q)
        {
            var field = Field(q, "options");
            var list = new List<QuestionOption>();
            if (field is not null)
            {
                foreach (var (line, raw) in field.Lines.Prepend((field.Line, field.Inline)))
                {
                    if (OptionLine().Match(raw.Trim()) is not { Success: true } m)
                        continue;
                    var key = m.Groups[1].Value.ToUpperInvariant();
                    if (list.Any(o => o.Key == key))
                    {
                        Error(q, line, $"option {key} appears twice.");
                        return [];
                    }
                    list.Add(new QuestionOption(key, m.Groups[2].Value.Trim()));
                }
            }
            if (list.Count == 0)
                Error(q, field?.Line ?? q.Line, "question without options (`**Options:**` followed by `- A) …` lines).");
            else if (list.Count == 1)
                Error(q, field!.Line, "a choice question needs at least two options; only A is given.");
            return list.Count >= 2 ? list : [];
        }

        private List<string> Keys(QuestionBlock q, Field answer, IReadOnlyList<QuestionOption> options, QuestionKind kind)
        {
            var keys = new List<string>();
            foreach (var token in KeySeparator().Split(Text(q, "correct")).Where(t => t.Length > 0))
            {
                var key = token.Trim('*', '`', '(', ')', '.').ToUpperInvariant();
                if (key.Length != 1 || key[0] is < 'A' or > 'Z')
                {
                    Error(q, answer.Line, $"the answer `{Shorten(token)}` is not an option letter (write `**Correct Answer:** B`).");
                    return [];
                }
                if (!options.Any(o => o.Key == key))
                {
                    Error(q, answer.Line, $"answer letter {key} is not among the options {KeyRange(options)}.");
                    return [];
                }
                if (!keys.Contains(key))
                    keys.Add(key);
            }
            if (keys.Count == 0)
            {
                Error(q, answer.Line, "missing answer (`**Correct Answer:** B`).");
                return [];
            }
            if (kind == QuestionKind.SingleChoice && keys.Count > 1)
            {
                Error(q, answer.Line, $"a single-choice question has one answer, but {string.Join(", ", keys)} are given (put it under Multiple Select).");
                return [];
            }
            return keys;
        }

        private static List<string> Steps(QuestionBlock q)
        {
            var steps = new List<string>();
            if (!q.Fields.TryGetValue("steps", out var field))
                return steps;
            foreach (var (_, raw) in field.Lines.Prepend((field.Line, field.Inline)))
            {
                var t = raw.Trim();
                if (t.Length == 0)
                    continue;
                if (NumberedLine().Match(t) is { Success: true } m)
                {
                    steps.Add(m.Groups[1].Value.Trim());
                    continue;
                }
                t = BulletPrefix().Replace(t, "");
                if (steps.Count == 0)
                    steps.Add(t);
                else
                    steps[^1] += (steps[^1].EndsWith(':') ? " " : "; ") + t;
            }
            return steps;
        }

        private void Error(QuestionBlock q, int line, string message) =>
            q.Errors.Add(new DeckError(sourceFile, line, $"{q.Heading}: {message}"));

        private static Field? Field(QuestionBlock q, string name) => q.Fields.GetValueOrDefault(name);

        private static string Text(QuestionBlock q, string name)
        {
            if (!q.Fields.TryGetValue(name, out var f))
                return "";
            var sb = new StringBuilder(f.Inline);
            foreach (var (_, line) in f.Lines)
            {
                if (sb.Length > 0)
                    sb.Append('\n');
                sb.Append(line.Trim());
            }
            return sb.ToString().Trim();
        }

        private static string KeyRange(IReadOnlyList<QuestionOption> options) =>
            options.Count == 0 ? "(none)" : $"{options[0].Key}–{options[^1].Key}";

        private static bool IsRule(string trimmed) => trimmed.Length >= 3 && trimmed.All(c => c == '-') ;

        private static string? LabelOf(string inner)
        {
            var clean = StripDecoration(inner).TrimEnd(':', ' ').Trim();
            return clean.ToLowerInvariant() switch
            {
                "question" => "question",
                "options" or "option" or "choices" => "options",
                "correct answer" or "correct answers" or "correct answer(s)" or "answer key" => "correct",
                "explanation" => "explanation",
                "given" => "given",
                "solution steps" or "solution" or "steps" => "steps",
                "final answer" => "final",
                "answer" or "answers" => "answer",
                var other when WhyWrong().IsMatch(other) => "whywrong",
                _ => null,
            };
        }

        private static string LabelName(string label) => label switch
        {
            "correct" => "Correct Answer",
            "whywrong" => "Why Others Are Wrong",
            "steps" => "Solution Steps",
            "final" => "Final Answer",
            _ => char.ToUpperInvariant(label[0]) + label[1..],
        };

        [GeneratedRegex(@"\r\n|\r|\n")]
        private static partial Regex LineBreak();

        [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*$")]
        private static partial Regex Heading();

        [GeneratedRegex(@"^\*\*([^*]+)\*\*(.*)$")]
        private static partial Regex LabelLine();

        [GeneratedRegex(@"^why\b.*\bwrong$")]
        private static partial Regex WhyWrong();

        [GeneratedRegex(@"^(?:[-*+]\s*)?\(?([A-Za-z])[).:]\s+(.+)$")]
        private static partial Regex OptionLine();

        // Pandoc's and kramdown's heading attribute: `### MCQ 3 {#onnx-meaning}`.
        [GeneratedRegex(@"\s*\{#([^\s{}]+)\}\s*$")]
        private static partial Regex GivenIdSuffix();

        [GeneratedRegex(@"(\d+)\s*$")]
        private static partial Regex TrailingNumber();

        [GeneratedRegex(@"^\d+[.)]\s+(.*)$")]
        private static partial Regex NumberedLine();

        [GeneratedRegex(@"^[-*+]\s+")]
        private static partial Regex BulletPrefix();

        [GeneratedRegex(@"[\s,;/&]+|\band\b", RegexOptions.IgnoreCase)]
        private static partial Regex KeySeparator();
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
