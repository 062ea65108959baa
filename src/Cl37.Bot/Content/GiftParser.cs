using System.Globalization;
using System.Text;

namespace Cl37.Bot.Content;

/// <summary>Reads Moodle's GIFT text format (docs.moodle.org, "GIFT format"): questions separated by
/// blank lines, <c>//</c> comment lines, <c>$CATEGORY:</c>, <c>::title::</c>, <c>[html]</c> /
/// <c>[markdown]</c> text, and one <c>{…}</c> answer block per question. Types this bot has no
/// counterpart for (essay, matching, description) are skipped with a line each. Never throws.</summary>
public static class GiftParser
{
    private const string SpecialCharacters = "~=#{}:";

    public static DeckParseResult Parse(string sourceFile, string text)
    {
        var errors = new List<DeckError>();
        var skipped = new List<DeckError>();
        var questions = new List<ImportedQuestion>();
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        string? category = null;
        foreach (var (start, block) in Blocks(text))
        {
            var body = block;
            var line = start;
            while (body.StartsWith("$CATEGORY:", StringComparison.Ordinal))
            {
                var end = body.IndexOf('\n', StringComparison.Ordinal);
                category = (end < 0 ? body[10..] : body[10..end]).Trim();
                body = end < 0 ? "" : body[(end + 1)..];
                line++;
            }
            if (body.Trim().Length == 0)
                continue;
            var result = new BlockReader(sourceFile, line, body, category).Read();
            switch (result)
            {
                case ImportedQuestion q:
                    questions.Add(q);
                    break;
                case DeckError { Message: var m } e when m.StartsWith(SkipPrefix, StringComparison.Ordinal):
                    skipped.Add(e with { Message = m[SkipPrefix.Length..] });
                    break;
                case DeckError e:
                    errors.Add(e);
                    break;
            }
        }
        return ImportedDeck.Build(sourceFile, questions, errors, skipped);
    }

    private const string SkipPrefix = "\u0001";

    /// <summary>The question blocks: runs of lines between blank lines, without comment lines, with the line each starts on.</summary>
    private static IEnumerable<(int Line, string Text)> Blocks(string text)
    {
        var lines = text.Split('\n');
        var sb = new StringBuilder();
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var raw = i < lines.Length ? lines[i].TrimEnd('\r') : "";
            if (raw.Trim().Length == 0)
            {
                if (sb.Length > 0)
                    yield return (start, sb.ToString().TrimEnd('\n'));
                sb.Clear();
                continue;
            }
            // A comment line keeps its place, so line numbers still count it.
            var isComment = raw.TrimStart().StartsWith("//", StringComparison.Ordinal);
            if (sb.Length == 0)
            {
                if (isComment)
                    continue;
                start = i + 1;
            }
            sb.Append(isComment ? "" : raw).Append('\n');
        }
    }

    private sealed class BlockReader(string sourceFile, int startLine, string text, string? category)
    {
        private readonly ImportedQuestion _q = new(sourceFile, startLine) { Category = category };
        private string _format = "moodle";

        public object Read()
        {
            var at = 0;
            SkipSpace(ref at);
            if (text.AsSpan(at).StartsWith("::"))
            {
                var close = FindUnescaped("::", at + 2);
                if (close < 0)
                    return Error(at, "the title's `::` is never closed (write `::Title:: question text`).");
                _q.Title = Unescape(text[(at + 2)..close]).Trim();
                at = close + 2;
                SkipSpace(ref at);
            }
            _format = "moodle";
            if (at < text.Length && text[at] == '[')
            {
                var close = text.IndexOf(']', at);
                var name = close > at ? text[(at + 1)..close].ToLowerInvariant() : "";
                if (name is "html" or "moodle" or "plain" or "markdown")
                {
                    _format = name;
                    at = close + 1;
                }
            }

            var open = FindUnescaped("{", at);
            var stray = FindUnescaped("}", at);
            if (open < 0)
            {
                if (stray >= 0)
                    return Error(stray, "a `}` with no `{` before it.");
                var answerLine = AnswerOutsideBraces(at);
                if (answerLine >= 0)
                    return Error(answerLine, "an answer outside braces: GIFT answers go inside `{…}` after the question text.");
                return Skip(at, "description (text with no answer)");
            }
            if (stray >= 0 && stray < open)
                return Error(stray, "a `}` with no `{` before it.");
            var end = FindUnescaped("}", open + 1);
            if (end < 0)
                return Error(open, "unclosed brace: this `{` has no `}` before the blank line that ends the question.");
            var nested = FindUnescaped("{", open + 1);
            if (nested >= 0 && nested < end)
                return Error(nested, "a `{` inside an answer block; escape it as `\\{` if it is text.");
            var second = FindUnescaped("{", end + 1);
            if (second >= 0)
                return Skip(second, "embedded answers (cloze): a question with more than one answer block");
            var trailingBrace = FindUnescaped("}", end + 1);
            if (trailingBrace >= 0)
                return Error(trailingBrace, "a `}` with no `{` before it.");

            var before = text[at..open];
            var after = text[(end + 1)..];
            var prompt = after.Trim().Length > 0 ? before.TrimEnd() + " _____ " + after.TrimStart() : before;
            _q.Prompt = Render(prompt, _format);
            if (_q.Prompt.Length == 0)
                return Error(open, "the question has no text before its answers.");
            return ReadAnswers(open + 1, end);
        }

        private object ReadAnswers(int from, int to)
        {
            var body = text[from..to];
            var general = FindUnescaped("####", from, to);
            if (general >= 0)
            {
                _q.GeneralFeedback = Render(text[(general + 4)..to].Trim(), _format);
                to = general;
                body = text[from..to];
            }
            var trimmed = body.Trim();
            if (trimmed.Length == 0)
                return Skip(from, "essay (an answer block with no answers)");
            if (trimmed[0] == '#')
                return Numerical(from + body.IndexOf('#', StringComparison.Ordinal) + 1, to);
            var head = Unescape(SplitFeedback(trimmed).Text).Trim().ToUpperInvariant();
            if (head is "T" or "TRUE" or "F" or "FALSE")
                return TrueFalse(head[0] == 'T', trimmed);
            if (FindUnescaped("->", from, to) >= 0)
                return Skip(from, "matching");

            var tokens = Tokens(from, to);
            if (tokens.Count == 0 || text[from..tokens[0].Start].Trim().Length > 0)
                return Error(from, "the answers must start with `=` (right) or `~` (wrong), like `{=Paris ~London}`.");
            var hasWrong = tokens.Any(t => text[t.Start] == '~');
            _q.Kind = hasWrong ? ImportedKind.Choice : ImportedKind.ShortAnswer;
            // Moodle's rule: a choice question with no `=` answer lets people pick several options.
            _q.MultipleAnswers = hasWrong && !tokens.Any(t => text[t.Start] == '=');
            foreach (var (start, length) in tokens)
            {
                var token = text.Substring(start + 1, length - 1);
                var (weight, rest, weightError) = Weight(token);
                if (weightError is not null)
                    return Error(start, weightError);
                var (answer, feedback) = SplitFeedback(rest);
                var answerText = Render(answer.Trim(), _format);
                if (answerText.Length == 0)
                    return Error(start, $"an empty answer after `{text[start]}`.");
                if (weight is not null)
                    _q.Weighted = true;
                var fraction = weight ?? (text[start] == '=' ? 1 : 0);
                _q.Answers.Add(new ImportedAnswer(answerText, fraction, Render(feedback.Trim(), _format)));
            }
            if (_q.Kind == ImportedKind.Choice && _q.Answers.Count < 2)
                return Error(from, "a choice question needs at least two answers.");
            if (!_q.Answers.Any(a => a.Fraction > 0))
                return Error(from, "no answer earns any credit: mark the right one with `=` or give it a weight like `~%50%`.");
            if (_q.Kind == ImportedKind.Choice && !_q.MultipleAnswers && !_q.Answers.Any(a => a.Fraction >= 1))
                return Error(from, "no answer earns full credit: mark the right one with `=`.");
            if (_q.MultipleAnswers && _q.Answers.Where(a => a.Fraction > 0).Sum(a => a.Fraction) < 0.99)
                return Error(from, $"the positive weights add up to {_q.Answers.Where(a => a.Fraction > 0).Sum(a => a.Fraction) * 100:0.##}%; picking every right option must earn 100%.");
            return _q;
        }

        private ImportedQuestion TrueFalse(bool value, string body)
        {
            _q.Kind = ImportedKind.TrueFalse;
            _q.TrueFalseAnswer = value;
            // `{T#shown for a wrong pick#shown for a right pick}`.
            var parts = SplitAll(body, '#');
            var wrong = parts.Count > 1 ? Render(parts[1].Trim(), _format) : "";
            var right = parts.Count > 2 ? Render(parts[2].Trim(), _format) : "";
            _q.Answers.Add(new ImportedAnswer("A", value ? 1 : 0, value ? right : wrong));
            _q.Answers.Add(new ImportedAnswer("B", value ? 0 : 1, value ? wrong : right));
            return _q;
        }

        private object Numerical(int from, int to)
        {
            _q.Kind = ImportedKind.Numerical;
            var tokens = Tokens(from, to);
            var list = tokens.Count > 0 && tokens[0].Start > from && text[from..tokens[0].Start].Trim().Length > 0
                ? [(from, tokens[0].Start - from), .. tokens]
                : tokens.Count == 0 ? [(from, to - from)] : tokens;
            foreach (var (start, length) in list)
            {
                var raw = text.Substring(start, length);
                var marker = raw.Length > 0 && raw[0] is '=' or '~' ? raw[0] : '\0';
                var token = marker == '\0' ? raw : raw[1..];
                var (weight, rest, weightError) = Weight(token);
                if (weightError is not null)
                    return Error(start, weightError);
                var (answer, feedback) = SplitFeedback(rest);
                if (Number(Unescape(answer).Trim()) is not { } number)
                    return Error(start, $"`{Short(answer.Trim())}` is not a number: write `{{#3.14}}`, `{{#3.14:0.01}}` or `{{#3.1..3.2}}`.");
                if (weight is not null)
                    _q.Weighted = true;
                _q.Answers.Add(new ImportedAnswer(NumericText.Format(number.Value), weight ?? (marker == '~' ? 0 : 1), Render(feedback.Trim(), _format), number));
            }
            if (!_q.Answers.Any(a => a.Fraction > 0))
                return Error(from, "no number earns any credit.");
            return _q;
        }

        /// <summary><c>3.14</c>, <c>3.14:0.01</c> (± tolerance) or <c>3.1..3.2</c> (a range).</summary>
        private static NumericPart? Number(string s)
        {
            var range = s.IndexOf("..", StringComparison.Ordinal);
            if (range > 0)
            {
                return TryNumber(s[..range], out var low) && TryNumber(s[(range + 2)..], out var high) && low <= high
                    ? new NumericPart(null, (low + high) / 2, null, (high - low) / 2, 0)
                    : null;
            }
            var colon = s.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                return TryNumber(s[..colon], out var value) && TryNumber(s[(colon + 1)..], out var tolerance)
                    ? new NumericPart(null, value, null, Math.Abs(tolerance), 0)
                    : null;
            }
            return TryNumber(s, out var exact) ? new NumericPart(null, exact, null, 0, 0) : null;
        }

        private static bool TryNumber(string s, out double value) =>
            double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

        /// <summary>A leading <c>%50%</c>: the weight as a fraction, the rest, or why it is wrong.</summary>
        private static (double? Weight, string Remainder, string? Error) Weight(string token)
        {
            var t = token.TrimStart();
            if (!t.StartsWith('%'))
                return (null, token, null);
            var close = t.IndexOf('%', 1);
            if (close < 0)
                return (null, token, "a weight has no closing `%` (write `~%50%answer`).");
            if (!double.TryParse(t[1..close], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
                return (null, token, $"the weight `%{t[1..close]}%` is not a number.");
            if (percent is > 100 or < -100)
                return (null, token, $"the weight {percent.ToString(CultureInfo.InvariantCulture)}% is {(percent > 100 ? "over 100%" : "below -100%")}; weights run from -100% to 100%.");
            return (percent / 100, t[(close + 1)..], null);
        }

        /// <summary>The answers of a block: each starts at an unescaped <c>=</c> or <c>~</c>.</summary>
        private List<(int Start, int Length)> Tokens(int from, int to)
        {
            var starts = new List<int>();
            for (var i = from; i < to; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                    continue;
                }
                if (text[i] is '=' or '~')
                    starts.Add(i);
            }
            return [.. starts.Select((s, k) => (s, (k + 1 < starts.Count ? starts[k + 1] : to) - s))];
        }

        private static (string Text, string Feedback) SplitFeedback(string token)
        {
            var parts = SplitAll(token, '#');
            return (parts[0], parts.Count > 1 ? string.Join("#", parts.Skip(1)) : "");
        }

        private static List<string> SplitAll(string s, char separator)
        {
            var list = new List<string>();
            var start = 0;
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] == '\\')
                {
                    i++;
                    continue;
                }
                if (s[i] == separator)
                {
                    list.Add(s[start..i]);
                    start = i + 1;
                }
            }
            list.Add(s[start..]);
            return list;
        }

        private int FindUnescaped(string what, int from, int to = -1)
        {
            to = to < 0 ? text.Length : to;
            for (var i = from; i <= to - what.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                    continue;
                }
                if (string.CompareOrdinal(text, i, what, 0, what.Length) == 0)
                    return i;
            }
            return -1;
        }

        private int AnswerOutsideBraces(int from)
        {
            var lineStart = from;
            while (lineStart < text.Length)
            {
                var t = text.AsSpan(lineStart).TrimStart(' ');
                if (t.Length > 0 && t[0] is '=' or '~')
                    return lineStart;
                var next = text.IndexOf('\n', lineStart);
                if (next < 0)
                    break;
                lineStart = next + 1;
            }
            return -1;
        }

        private void SkipSpace(ref int at)
        {
            while (at < text.Length && char.IsWhiteSpace(text[at]))
                at++;
        }

        private string Render(string raw, string format)
        {
            var unescaped = Unescape(raw);
            return format switch
            {
                "html" => MarkupText.FromHtml(unescaped, _q.Pictures),
                "moodle" when MarkupText.LooksLikeHtml(unescaped) => MarkupText.FromHtml(unescaped, _q.Pictures),
                _ => unescaped.Trim(),
            };
        }

        private static string Unescape(string s)
        {
            if (!s.Contains('\\', StringComparison.Ordinal))
                return s;
            var sb = new StringBuilder(s.Length);
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] == '\\' && i + 1 < s.Length)
                {
                    var next = s[i + 1];
                    if (next == 'n')
                    {
                        sb.Append('\n');
                        i++;
                        continue;
                    }
                    if (SpecialCharacters.Contains(next, StringComparison.Ordinal) || next == '\\')
                    {
                        sb.Append(next);
                        i++;
                        continue;
                    }
                }
                sb.Append(s[i]);
            }
            return sb.ToString();
        }

        private int LineAt(int index)
        {
            var line = startLine;
            for (var i = 0; i < index && i < text.Length; i++)
            {
                if (text[i] == '\n')
                    line++;
            }
            return line;
        }

        private DeckError Error(int index, string message) =>
            new(sourceFile, LineAt(index), Name() + message);

        private DeckError Skip(int index, string type) =>
            new(sourceFile, LineAt(index), SkipPrefix + $"{Name()}skipped: {type} — this bot has no such question type.");

        private string Name() => _q.Title is { Length: > 0 } t ? $"`{Short(t)}`: " : "";

        private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
    }
}
